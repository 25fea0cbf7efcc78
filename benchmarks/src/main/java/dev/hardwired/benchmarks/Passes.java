package dev.hardwired.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs the selected benchmarks in passes, every benchmark once per pass (one fork unless {@code -f} says
 * otherwise), and prints one set of Markdown tables over the iterations of all passes: ns/op with its 99.9 %
 * confidence interval, each time as a multiple of the generated network's for the same operation (of the
 * reference network's where a size has no generated class yet), and {@code gc.alloc.rate.norm} when {@code
 * -prof gc} is given.
 *
 * <p>On a shared machine slow spells come and go over minutes. JMH runs each benchmark's forks back to
 * back, so a slow spell falls on a few benchmarks and skews their ratios; in passes it falls on every
 * benchmark a little. Usage, the first argument the number of passes and the rest JMH's:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.hardwired.benchmarks.Passes 4 -wi 2 -w 1 -i 4 -r 1 -prof gc
 * </pre>
 */
public final class Passes {
  static final List<String> ORDER = List.of(
      "trainGenerated", "trainGeneratedFloat", "trainHandWritten", "trainReference", "trainEncog",
      "trainEncogIteration", "predictGenerated", "predictGeneratedFloat", "predictHandWritten",
      "predictReference", "predictEncog", "predictEncogFlat",
      "trainChosen", "trainLooped", "predictChosen", "predictLooped",
      "trainSgd", "trainAdam", "trainFused", "stepSgd", "stepAdam");
  private static final double CONFIDENCE = 0.999;

  private Passes() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !args[0].matches("[1-9][0-9]*")) {
      System.err.println("usage: Passes <passes> [JMH options]");
      System.exit(2);
    }
    int passes = Integer.parseInt(args[0]);
    CommandLineOptions command = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
    Options options = new OptionsBuilder().parent(command).forks(command.getForkCount().orElse(1)).build();

    // class simple name → method → statistics over every measured iteration of every pass
    Map<String, Map<String, ListStatistics>> times = new TreeMap<>();
    Map<String, Map<String, ListStatistics>> bytes = new TreeMap<>();
    for (int pass = 1; pass <= passes; pass++) {
      System.out.println("# Pass " + pass + " of " + passes);
      for (RunResult run : new Runner(options).run()) {
        String benchmark = run.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
        type = type.substring(type.lastIndexOf('.') + 1);
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
          for (IterationResult iteration : fork.getIterationResults()) {
            statistics(times, type, method).addValue(iteration.getPrimaryResult().getScore());
            Result<?> allocation = iteration.getSecondaryResults().get("gc.alloc.rate.norm");
            if (allocation != null) {
              statistics(bytes, type, method).addValue(allocation.getScore());
            }
          }
        }
      }
    }
    System.out.print(report(times, bytes, passes, String.join(" ", args)));
  }

  private static ListStatistics statistics(
      Map<String, Map<String, ListStatistics>> all, String type, String method) {
    return all.computeIfAbsent(type, t -> new TreeMap<>())
        .computeIfAbsent(method, m -> new ListStatistics());
  }

  static String report(
      Map<String, Map<String, ListStatistics>> times,
      Map<String, Map<String, ListStatistics>> bytes,
      int passes,
      String arguments) {
    StringBuilder out = new StringBuilder();
    out.append("\n<!-- Passes ").append(arguments).append(" -->\n");
    out.append("\nEach time is the mean of ").append(passes == 1 ? "one pass's" : passes + " passes'")
        .append(" measured iterations ± the half-width of its 99.9 % confidence interval;")
        .append(" × generated is that time over the generated network's for the same operation")
        .append(" (× reference, the reference network's, for a size without a generated class;")
        .append(" × chosen, the shapes the processor chooses, in the shape benchmarks;")
        .append(" × sgd, plain SGD's, in the optimizer benchmark),")
        .append(" with the range that the two intervals allow.\n");
    for (Map.Entry<String, Map<String, ListStatistics>> entry : times.entrySet()) {
      Map<String, ListStatistics> methods = entry.getValue();
      Map<String, ListStatistics> allocations = bytes.getOrDefault(entry.getKey(), Map.of());
      boolean hasGenerated = methods.containsKey("trainGenerated") || methods.containsKey("predictGenerated");
      boolean shapes = methods.containsKey("trainChosen") || methods.containsKey("predictChosen");
      boolean optimizers = methods.containsKey("trainSgd");
      String baseline = optimizers ? "Sgd" : shapes ? "Chosen" : hasGenerated ? "Generated" : "Reference";
      out.append("\n#### ").append(entry.getKey()).append("\n\n");
      out.append("| benchmark | ns/op | ± | × ").append(baseline.toLowerCase(Locale.ROOT))
          .append(" | B/op |\n");
      out.append("|---|---:|---:|---:|---:|\n");
      for (String method : ORDER) {
        // A method missing from ORDER would be left out of the tables: BenchmarksTest checks that none is.
        ListStatistics time = methods.get(method);
        if (time == null) {
          continue;
        }
        String operation = method.startsWith("train") ? "train" : method.startsWith("step") ? "step" : "predict";
        ListStatistics base = methods.get(operation + baseline);
        ListStatistics allocation = allocations.get(method);
        out.append("| ").append(method)
            .append(" | ").append(format("%.1f", time.getMean()))
            .append(" | ").append(format("%.1f", error(time)))
            .append(" | ").append(base == null ? "" : ratio(time, base))
            .append(" | ").append(allocation == null ? "" : bytes(allocation.getMean()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static double error(ListStatistics statistics) {
    return statistics.getN() > 2 ? statistics.getMeanErrorAt(CONFIDENCE) : Double.NaN;
  }

  /** a / b, and the range (a − ea) / (b + eb) to (a + ea) / (b − eb) that the two intervals allow. */
  static String ratio(ListStatistics a, ListStatistics b) {
    double ma = a.getMean();
    double mb = b.getMean();
    double ea = error(a);
    double eb = error(b);
    String range = mb - eb > 0
        ? format(" (%.2f–%.2f)", Math.max(0, ma - ea) / (mb + eb), (ma + ea) / (mb - eb))
        : "";
    return format("%.2f", ma / mb) + (a == b ? "" : range);
  }

  /**
   * Below 10 B/op nothing was allocated per operation (an object takes at least 16): it is JMH's own
   * bookkeeping spread over the operations, shown with decimals so that it reads as such.
   */
  private static String bytes(double perOperation) {
    return perOperation < 10 ? format("%.3f", perOperation) : format("%.0f", perOperation);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
