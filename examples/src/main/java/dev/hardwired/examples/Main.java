package dev.hardwired.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The main job: runs every example and prints one table of the results. From the repository root:
 * {@code mvn -B -q package -DskipTests -Pexamples}.
 */
public final class Main {
  private static final String[] HEADER = {
    "example", "topology", "epochs", "training time", "final loss", "accuracy", "generated source"
  };

  /** Which columns hold numbers, and so are aligned to the right. */
  private static final boolean[] NUMERIC = {false, false, true, true, true, true, false};

  private Main() {}

  public static void main(String[] args) {
    System.out.print(table(runAll()));
  }

  /** Runs every example, in the order of the table. */
  public static List<ExampleResult> runAll() {
    return Arrays.asList(XorExample.run(), XorExample.runWide(), TextbookExample.run(), IrisExample.run());
  }

  /** The results as a table: a header, a rule, then one line per example, columns padded with spaces. */
  public static String table(List<ExampleResult> results) {
    List<String[]> rows = new ArrayList<String[]>();
    rows.add(HEADER);
    for (ExampleResult r : results) {
      rows.add(
          new String[] {
            r.name(),
            r.topology(),
            String.format(Locale.ROOT, "%,d", r.epochs()),
            String.format(Locale.ROOT, "%.1f ms", r.trainingMillis()),
            String.format(Locale.ROOT, "%.3g", r.finalLoss()),
            r.hasAccuracy() ? String.format(Locale.ROOT, "%.1f%%", 100 * r.accuracy()) : "n/a",
            r.generatedSource()
          });
    }

    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    String[] rule = new String[HEADER.length];
    for (int c = 0; c < rule.length; c++) {
      rule[c] = repeat('-', widths[c]);
    }
    rows.add(1, rule);

    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String padding = repeat(' ', widths[c] - row[c].length());
        line.append(c == 0 ? "" : "  ").append(NUMERIC[c] ? padding + row[c] : row[c] + padding);
      }
      table.append(line.toString().replaceAll("\\s+$", "")).append(System.lineSeparator());
    }
    return table.toString();
  }

  private static String repeat(char c, int times) {
    char[] chars = new char[times];
    Arrays.fill(chars, c);
    return new String(chars);
  }
}
