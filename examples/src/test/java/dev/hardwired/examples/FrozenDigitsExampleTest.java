package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.io.WeightsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenDigitsExampleTest {

  @Test
  void theFrozenClassGivesTheTrainableOutputsHereAndInAJvmWithOnlyItself(@TempDir Path directory) {
    FrozenDigitsExample.Outcome outcome = FrozenDigitsExample.run(directory);
    assertEquals(359, outcome.digits);
    assertEquals(359, outcome.sameHere, outcome.toString());
    assertEquals(359, outcome.sameInSecondJvm, outcome.toString());
    assertEquals(directory.toAbsolutePath().toString(), outcome.secondClassPath);
    assertTrue(outcome.accuracy >= 0.97, outcome.toString());
    assertTrue(outcome.classBytes > 10_000, outcome.toString());
    assertTrue(Files.isRegularFile(Paths.get("..").resolve(FrozenDigitsExample.GENERATED_SOURCE)), outcome.toString());
  }

  @Test
  void theFrozenWeightsAreThoseOfTheTrainingStep() throws IOException {
    // The build's training step saved them; the same training again gives the same parameters.
    DigitsNetwork saved = DigitsNetwork.seeded(0);
    try (InputStream in = FrozenDigits.class.getResourceAsStream("digits.weights")) {
      WeightsFile.load(in, "digits.weights", saved);
    }
    DigitsExample.Trained again = DigitsExample.train(DigitsExample.EPOCHS);
    assertEquals(java.util.Arrays.toString(again.network.parameters()), java.util.Arrays.toString(saved.parameters()));
  }

  @Test
  void theFrozenClassNamesNoTypeOfTheRuntime() throws Exception {
    Path file = Paths.get(DigitsFrozen.class.getResource("DigitsFrozen.class").toURI());
    String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    Matcher names = Pattern.compile("dev/hardwired/[A-Za-z/$]*").matcher(constants);
    int own = 0;
    while (names.find()) {
      assertTrue(names.group().startsWith("dev/hardwired/examples/DigitsFrozen"), names.group());
      own++;
    }
    assertTrue(own > 0);
  }
}
