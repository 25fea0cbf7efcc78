package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Saving is atomic: a failure at any point of the write leaves the previous file byte for byte and no
 * temporary file; a save that succeeds replaces the file whole. Failures are injected through the stream
 * wrapper of the package-private {@code WeightsFile.save(network, path, wrap)}.
 */
class AtomicSaveTest {
  private static final Topology IRIS =
      Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
  /** 11,110 parameters, about 230 kB: more than one 64 KiB buffer reaches the temporary file before a failure. */
  private static final Topology LARGE =
      Fixtures.topology(100, new int[] {100}, 10, Activation.RELU, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  @TempDir Path folder;

  /** Passes {@code limit} bytes through, then fails every write. */
  private static final class FailAfter extends FilterOutputStream {
    private long left;

    FailAfter(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (left-- <= 0) {
        throw new IOException("injected: no space left on device");
      }
      out.write(b);
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().collect(Collectors.toList());
    }
  }

  private static byte[] bytes(ReferenceNetwork net) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WeightsFile.write(net, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 19, 100, 70_000, 200_000, -1})
  void aFailureMidWriteLeavesThePreviousFileIntact(int failAfter) throws IOException {
    Path target = folder.resolve("large.weights");
    WeightsFile.save(Fixtures.xor(), target);
    byte[] previous = Files.readAllBytes(target);
    ReferenceNetwork next = ReferenceNetwork.seeded(LARGE, 3);
    int length = bytes(next).length;
    assertTrue(length > 200_000, "file of " + length + " bytes");
    long limit = failAfter >= 0 ? failAfter : length - 1; // -1: all but the last line end
    IOException e =
        assertThrows(IOException.class, () -> WeightsFile.save(next, target, out -> new FailAfter(out, limit)));
    assertEquals("injected: no space left on device", e.getMessage());
    assertArrayEquals(previous, Files.readAllBytes(target), "the previous file, byte for byte");
    assertEquals(List.of(target), files(), "no temporary file left");
    ReferenceNetwork loaded = new ReferenceNetwork(Fixtures.XOR);
    WeightsFile.load(target, loaded);
    assertArrayEquals(Fixtures.XOR_PARAMETERS, loaded.parameters());
  }

  @Test
  void aFailureToFlushOrAnUncheckedFailureLeavesThePreviousFileIntact() throws IOException {
    Path target = folder.resolve("iris.weights");
    WeightsFile.save(Fixtures.xor(), target);
    byte[] previous = Files.readAllBytes(target);
    ReferenceNetwork next = ReferenceNetwork.seeded(IRIS, 3);
    IOException flush =
        assertThrows(
            IOException.class,
            () ->
                WeightsFile.save(
                    next,
                    target,
                    out ->
                        new FilterOutputStream(out) {
                          @Override
                          public void flush() throws IOException {
                            throw new IOException("injected: flush failed");
                          }
                        }));
    assertEquals("injected: flush failed", flush.getMessage());
    assertArrayEquals(previous, Files.readAllBytes(target));
    assertEquals(List.of(target), files());

    IllegalStateException unchecked = new IllegalStateException("injected: a bug");
    assertSame(
        unchecked,
        assertThrows(
            IllegalStateException.class,
            () ->
                WeightsFile.save(
                    next,
                    target,
                    out ->
                        new FilterOutputStream(out) {
                          @Override
                          public void write(int b) {
                            throw unchecked;
                          }
                        })));
    assertArrayEquals(previous, Files.readAllBytes(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void aFailedFirstSaveLeavesNothing() throws IOException {
    Path target = folder.resolve("new.weights");
    assertThrows(IOException.class, () -> WeightsFile.save(Fixtures.xor(), target, out -> new FailAfter(out, 50)));
    assertEquals(List.of(), files());
  }

  @Test
  void theTemporaryFileIsAHiddenSiblingOfTheTarget() throws IOException {
    Path target = folder.resolve("xor.weights");
    List<List<Path>> seen = new ArrayList<>();
    WeightsFile.save(
        Fixtures.xor(),
        target,
        out -> {
          try {
            seen.add(files());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out;
        });
    assertEquals(1, seen.size());
    assertEquals(1, seen.get(0).size(), "only the temporary file exists while it is written");
    String name = seen.get(0).get(0).getFileName().toString();
    assertTrue(name.matches("\\.xor\\.weights\\.[0-9a-f]+\\.tmp"), name);
    assertEquals(List.of(target), files());
    assertEquals(Fixtures.XOR_FILE, new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
  }

  @Test
  void aSuccessfulSaveReplacesTheFile() throws IOException {
    Path target = folder.resolve("net.weights");
    WeightsFile.save(Fixtures.xor(), target);
    assertArrayEquals(bytes(Fixtures.xor()), Files.readAllBytes(target));
    Topology xor = Fixtures.XOR;
    ReferenceNetwork trained = ReferenceNetwork.seeded(xor, 8);
    trained.train(new double[] {1, 0}, new double[] {1}, 0.5);
    WeightsFile.save(trained, target);
    assertArrayEquals(bytes(trained), Files.readAllBytes(target));
    assertEquals(List.of(target), files());
    ReferenceNetwork loaded = new ReferenceNetwork(xor);
    WeightsFile.load(target, loaded);
    assertArrayEquals(trained.parameters(), loaded.parameters());
  }

  @Test
  void aMoveThatFailsLeavesTheTargetAndNoTemporaryFile() throws IOException {
    Path target = folder.resolve("taken");
    Files.createDirectory(target);
    Files.write(target.resolve("inside"), new byte[] {1, 2, 3});
    assertThrows(IOException.class, () -> WeightsFile.save(Fixtures.xor(), target));
    assertEquals(List.of(target), files());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target.resolve("inside")));
  }

  @Test
  void aMissingFolderIsAnError() throws IOException {
    Path target = folder.resolve("no such folder").resolve("xor.weights");
    assertThrows(NoSuchFileException.class, () -> WeightsFile.save(Fixtures.xor(), target));
    assertFalse(Files.exists(target.getParent()));
    assertEquals(List.of(), files());
  }

  @Test
  void floatNetworksSaveAtomicallyToo() throws IOException {
    Path target = folder.resolve("float.weights");
    WeightsFile.save(Fixtures.floatXor(), target);
    assertEquals(List.of(target), files());
    FloatNet loaded = new FloatNet(Fixtures.XOR);
    WeightsFile.load(target, loaded);
    assertArrayEquals(Fixtures.floatXor().parameters(), loaded.parameters());
  }
}
