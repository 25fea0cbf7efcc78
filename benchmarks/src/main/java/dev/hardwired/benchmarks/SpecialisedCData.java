package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes what {@code peers/c/specialised.c} needs to stand beside the one-sample benchmarks: for each of the
 * four size networks, its initial parameters ({@code seeded(SEED)}, in the canonical flat order), the
 * benchmark's samples, and what the generated class gives for them (the loss of each step of one pass of
 * {@code train} at the benchmarks' learning rate, and the initial network's predictions), so that the C
 * program can check that it does the same work before it is timed. Every number is written as a
 * hexadecimal floating-point literal, which C's {@code strtod} reads back exactly.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.hardwired.benchmarks.SpecialisedCData target-folder</pre>
 */
public final class SpecialisedCData {
  private SpecialisedCData() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("expected one argument, the folder to write to; found " + args.length);
    }
    Path folder = Paths.get(args[0]);
    Files.createDirectories(folder);
    write(folder.resolve("2x4x1.txt"), Size2x4x1Network.seeded(NetworkBenchmark.SEED), Samples.xor());
    write(folder.resolve("4x8x3.txt"), Size4x8x3Network.seeded(NetworkBenchmark.SEED), Samples.irisShaped(7));
    write(
        folder.resolve("64x32x10.txt"),
        Size64x32x10Network.seeded(NetworkBenchmark.SEED),
        Samples.strokes(3, 8, 10));
    write(
        folder.resolve("784x128x10.txt"),
        Size784x128x10Network.seeded(NetworkBenchmark.SEED),
        Samples.strokes(5, 28, 10));
  }

  /** Sizes, sample count, parameters, samples, then the expected losses and predictions. */
  static void write(Path file, TrainableNetwork network, Samples samples) throws IOException {
    int[] sizes = network.topology().sizes();
    if (sizes.length != 3) {
      throw new IllegalArgumentException("the C program has one hidden layer; " + network + " has " + (sizes.length - 2));
    }
    StringBuilder text = new StringBuilder();
    text.append(sizes[0]).append(' ').append(sizes[1]).append(' ').append(sizes[2]).append('\n');
    text.append(samples.count()).append('\n');
    line(text, network.parameters());
    for (int s = 0; s < samples.count(); s++) {
      line(text, samples.inputs[s]);
      line(text, samples.targets[s]);
    }
    TrainableNetwork trained = network.copy();
    double[] losses = new double[samples.count()];
    for (int s = 0; s < samples.count(); s++) {
      losses[s] = trained.train(samples.inputs[s], samples.targets[s], NetworkBenchmark.LEARNING_RATE);
    }
    line(text, losses);
    for (int s = 0; s < samples.count(); s++) {
      line(text, network.predict(samples.inputs[s]));
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      out.write(text.toString());
    }
  }

  private static void line(StringBuilder text, double[] values) {
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : " ").append(Double.toHexString(values[i]));
    }
    text.append('\n');
  }
}
