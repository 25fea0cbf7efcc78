package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The examples compile with {@code -Ahardwired.lessons}: a lesson and its picture stand beside every
 * generated network, and the XOR lesson in the docs is the one the build writes.
 */
class LessonsTest {
  private static final Path GENERATED = Paths.get("target/generated-sources/annotations/dev/hardwired/examples");

  @Test
  void everyGeneratedNetworkHasALessonAndItsPicture() throws IOException {
    for (Class<?> network : new Class<?>[] {XorNetwork.class, TextbookNetwork.class, DigitsNetwork.class}) {
      String name = network.getSimpleName();
      String lesson = read(GENERATED.resolve(name + ".md"));
      assertTrue(lesson.startsWith("# " + name + ": one training step, equation by equation\n"), lesson);
      assertTrue(lesson.contains("](" + name + ".svg)"), lesson);
      assertTrue(read(GENERATED.resolve(name + ".svg")).startsWith("<?xml"), name);
    }
  }

  @Test
  void theDocsShowTheXorLessonTheBuildWrites() throws IOException {
    assertEquals(read(GENERATED.resolve("XorNetwork.md")), read(Paths.get("../docs/lessons/XorNetwork.md")));
    assertEquals(read(GENERATED.resolve("XorNetwork.svg")), read(Paths.get("../docs/lessons/XorNetwork.svg")));
  }

  /** The textbook lesson's worked step is its own, from the seed; section 7 of the walk-through is the article's. */
  @Test
  void theTextbookLessonWorksAStepFromItsSeed() throws IOException {
    String lesson = read(GENERATED.resolve("TextbookNetwork.md"));
    assertTrue(lesson.contains("These are the values that `TextbookNetwork.seeded(42).trace("), lesson);
    assertTrue(lesson.contains("| weight H0→O0 | 6 | S_ERROR0 × SpostA,H0 |"), lesson);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
