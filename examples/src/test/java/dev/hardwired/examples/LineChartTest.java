package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
  private static final double NAN = Double.NaN;

  @TempDir Path pictures;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** A falling loss with noise-free wiggles: {@code scale} / epoch^{@code power}, epochs 1 to {@code n}. */
  private static double[] falling(int n, double scale, double power) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = scale / Math.pow(i + 1, power) * (1 + 0.05 * Math.sin(i));
    }
    return y;
  }

  private static LineChart.Builder fourSeries() {
    return LineChart.builder()
        .title("four series")
        .note("one of each colour and dash")
        .xTitle("epoch")
        .yTitle("mean loss")
        .series("training", falling(100, 1.0, 1.0))
        .series("validation", falling(100, 2.0, 0.8))
        .series("third", falling(100, 0.5, 0.5))
        .series("fourth", falling(100, 3.0, 1.2));
  }

  @Test
  void theChartHasItsSize() {
    BufferedImage image = fourSeries().build().draw();
    assertEquals(LineChart.WIDTH, image.getWidth());
    assertEquals(LineChart.HEIGHT, image.getHeight());
    assertEquals(640, LineChart.WIDTH);
    assertEquals(400, LineChart.HEIGHT);

    BufferedImage wide = fourSeries().size(900, 300).build().draw();
    assertEquals(900, wide.getWidth());
    assertEquals(300, wide.getHeight());
    assertThrows(IllegalArgumentException.class, () -> LineChart.builder().size(10, 10));
  }

  @Test
  void everySeriesIsDrawnInItsColourAcrossThePlot() {
    LineChart chart = fourSeries().build();
    BufferedImage image = chart.draw();
    Rectangle plot = chart.plotArea();
    for (int s = 0; s < 4; s++) {
      Color colour = LineChart.colour(s);
      int columns = columnsWith(image, plot, colour);
      // Dashed and dotted lines leave gaps, but every series runs across the plot.
      assertTrue(columns > plot.width / 4, "series " + s + ": " + columns + " of " + plot.width + " columns");
      assertTrue(span(image, plot, colour) > plot.width * 0.95, "series " + s + " spans the plot");
    }
    assertEquals(0, columnsWith(image, plot, LineChart.colour(4)), "no fifth series");
  }

  @Test
  void theColoursAreDistinctAndThePaletteRepeats() {
    for (int a = 0; a < LineChart.PALETTE.length; a++) {
      for (int b = a + 1; b < LineChart.PALETTE.length; b++) {
        assertTrue(!close(LineChart.PALETTE[a], LineChart.PALETTE[b]), a + " and " + b);
      }
    }
    assertEquals(LineChart.colour(0), LineChart.colour(LineChart.PALETTE.length));
  }

  @Test
  void theLegendShowsEachSeriesColourAndItsLabel() {
    LineChart chart = fourSeries().build();
    BufferedImage image = chart.draw();
    Rectangle legend = chart.legendArea();
    Rectangle plot = chart.plotArea();
    assertTrue(legend.y >= 40, "under the title and the note: " + legend);
    assertTrue(legend.y + legend.height <= plot.y, "above the plot: " + legend + " " + plot);
    for (int s = 0; s < 4; s++) {
      assertTrue(columnsWith(image, legend, LineChart.colour(s)) >= 8, "series " + s + " in the legend");
    }
    assumeTrue(fontsWork(), "this machine has no fonts to draw text with");
    // The labels: dark pixels in the legend, to the right of each sample line, in four separate runs.
    int dark = 0;
    int runs = 0;
    boolean inRun = false;
    for (int x = legend.x; x < legend.x + legend.width; x++) {
      boolean column = false;
      for (int y = legend.y; y < legend.y + legend.height; y++) {
        if (close(new Color(image.getRGB(x, y)), Color.BLACK)) {
          dark++;
          column = true;
        }
      }
      if (column && !inRun) {
        runs++;
      }
      // Letters have narrow gaps between them; only a blank of 10 columns or more ends a label.
      inRun = column || (inRun && blankFor(image, legend, x, 10) < 10);
    }
    assertTrue(dark > 100, dark + " dark pixels");
    assertEquals(4, runs, "one label per series");
  }

  @Test
  void aChartWithoutNamesHasNoLegendAndMoreRoomForThePlot() {
    LineChart named = LineChart.builder().title("t").series("a", falling(10, 1, 1)).build();
    LineChart unnamed = LineChart.builder().title("t").series("", falling(10, 1, 1)).build();
    assertEquals(0, unnamed.legendArea().height);
    assertTrue(unnamed.plotArea().height > named.plotArea().height);
    assertTrue(columnsWith(unnamed.draw(), unnamed.plotArea(), LineChart.colour(0)) > 200);
  }

  @Test
  void seriesOfDifferentLengthsShareTheAxis() {
    double[] x = {50, 60, 70, 80, 90, 100};
    double[] y = {0.3, 0.2, 0.15, 0.1, 0.08, 0.05};
    LineChart chart =
        LineChart.builder().series("all epochs", falling(100, 1, 1)).series("from 50", x, y).build();
    BufferedImage image = chart.draw();
    Rectangle plot = chart.plotArea();
    Rectangle leftHalf = new Rectangle(plot.x, plot.y, plot.width / 2 - 4, plot.height);
    Rectangle rightHalf = new Rectangle(plot.x + plot.width / 2 + 2, plot.y, plot.width / 2 - 2, plot.height);
    assertTrue(columnsWith(image, leftHalf, LineChart.colour(0)) > leftHalf.width / 2);
    assertEquals(0, columnsWith(image, leftHalf, LineChart.colour(1)), "the short series starts half-way");
    assertTrue(columnsWith(image, rightHalf, LineChart.colour(1)) > rightHalf.width / 2);
  }

  @Test
  void notANumberIsLeftOutAndTheLineGoesOn() {
    double[] every5th = new double[100];
    for (int i = 0; i < every5th.length; i++) {
      every5th[i] = i % 5 == 4 ? 0.5 / (i + 1) : NAN;
    }
    LineChart chart =
        LineChart.builder()
            .series("training", falling(100, 1, 1))
            .series("validated every 5th epoch", every5th)
            .series("never measured", new double[] {NAN, NAN, NAN})
            .build();
    BufferedImage image = chart.draw();
    Rectangle plot = chart.plotArea();
    // Dashed, but one line over the gaps: from epoch 5 to 100.
    assertTrue(columnsWith(image, plot, LineChart.colour(1)) > plot.width * 0.5, "a line over the gaps");
    assertTrue(span(image, plot, LineChart.colour(1)) > plot.width * 0.9, "a line over the gaps");
    assertEquals(0, columnsWith(image, plot, LineChart.colour(2)));
  }

  @Test
  void chartsWithNothingToDrawAreDrawnEmpty() {
    for (LineChart chart :
        List.of(
            LineChart.builder().series("NaN", new double[] {NAN, NAN}).build(),
            LineChart.builder().series("none", new double[0]).build(),
            LineChart.builder().series("not positive", new double[] {0, -1, -2}).build(),
            LineChart.builder().logY(false).series("NaN", new double[] {NAN}).build(),
            LineChart.builder().build())) {
      BufferedImage image = chart.draw();
      assertEquals(LineChart.WIDTH, image.getWidth());
      assertEquals(0, columnsWith(image, chart.plotArea(), LineChart.colour(0)));
    }
  }

  @Test
  void aSinglePointIsADot() {
    for (boolean log : new boolean[] {true, false}) {
      LineChart chart = LineChart.builder().logY(log).series("one", new double[] {0.25}).build();
      BufferedImage image = chart.draw();
      int columns = columnsWith(image, chart.plotArea(), LineChart.colour(0));
      assertTrue(columns >= 4 && columns <= 9, columns + " columns, log " + log);
    }
  }

  @Test
  void aLinearScaleTakesZeroAndNegativeValues() {
    LineChart chart =
        LineChart.builder()
            .logY(false)
            .xTitle("seconds")
            .series("sine", new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3}, new double[] {0, 0.48, 0.84, 1, 0.91, 0.6, 0.14})
            .series("minus", new double[] {0.1, 2.9}, new double[] {-1, -0.5})
            .build();
    BufferedImage image = chart.draw();
    Rectangle plot = chart.plotArea();
    assertTrue(columnsWith(image, plot, LineChart.colour(0)) > plot.width * 0.9);
    assertTrue(span(image, plot, LineChart.colour(1)) > plot.width * 0.9);
    // The dashed line of the negative values lies in the lower half.
    Rectangle upper = new Rectangle(plot.x, plot.y, plot.width, plot.height / 2);
    assertEquals(0, columnsWith(image, upper, LineChart.colour(1)));
  }

  @Test
  void seriesNeedAsManyXAsY() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LineChart.builder().series("s", new double[] {1, 2}, new double[] {1}));
    assertEquals("series s has 2 x values and 1 y values; expected as many", e.getMessage());
  }

  @Test
  void theDataAreCopied() {
    double[] y = falling(50, 1, 1);
    LineChart chart = LineChart.builder().series("a", y).build();
    BufferedImage before = chart.draw();
    java.util.Arrays.fill(y, NAN);
    BufferedImage after = chart.draw();
    assertEquals(columnsWith(before, chart.plotArea(), LineChart.colour(0)),
        columnsWith(after, chart.plotArea(), LineChart.colour(0)));
  }

  @Test
  void logTicksOverAFewDecadesAreOneTwoAndFive() {
    assertEquals(
        List.of("0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"), labels(LineChart.logTicks(0.01, 1)));
    assertEquals(
        List.of("5", "10", "20", "50", "100", "200", "500", "1,000", "2,000"),
        labels(LineChart.logTicks(4, 3900)));
    // Just over three decades: the powers of ten only.
    assertEquals(List.of("10", "100", "1,000"), labels(LineChart.logTicks(4, 6000)));
    assertEquals(List.of("0.0002", "0.0005", "0.001"), labels(LineChart.logTicks(1.5e-4, 1.2e-3)));
  }

  @Test
  void logTicksOverLessThanAStepAreWholeMultiplesOrLinear() {
    // Neither 0.2 nor 0.5 is between 0.25 and 0.45: the whole multiples of 0.1.
    assertEquals(List.of("0.3", "0.4"), labels(LineChart.logTicks(0.25, 0.45)));
    // 0.2 alone is not enough.
    assertEquals(List.of("0.2", "0.3"), labels(LineChart.logTicks(0.15, 0.32)));
    // Not even 0.3 and 0.4: linear ticks.
    assertEquals(List.of("0.32", "0.34", "0.36", "0.38"), labels(LineChart.logTicks(0.31, 0.39)));
    assertEquals(List.of("2.5", "2.6", "2.7", "2.8", "2.9"), labels(LineChart.logTicks(2.45, 2.95)));
  }

  @Test
  void logTicksOverManyDecadesArePowersOfTenAtMostEight() {
    assertEquals(
        List.of("0.0001", "0.001", "0.01", "0.1", "1", "10", "100"), labels(LineChart.logTicks(5e-5, 300)));
    // Fifteen decades: every second power, in scientific notation since some need it.
    assertEquals(
        List.of("1e-12", "1e-10", "1e-8", "1e-6", "1e-4", "1e-2", "1e0", "1e2"),
        labels(LineChart.logTicks(1e-12, 1e3)));
    List<BigDecimal> huge = LineChart.logTicks(1e-30, 1e30);
    assertTrue(huge.size() <= 8 && huge.size() >= 4, huge.toString());
    assertEquals(List.of("1e-30", "1e-20", "1e-10", "1e0", "1e10", "1e20", "1e30"), labels(huge));
    // Ticks are exact decimals, not rounded doubles.
    assertEquals(new BigDecimal("0.0001"), LineChart.logTicks(5e-5, 300).get(0));
  }

  @Test
  void linearTicksAreRoundAndFew() {
    assertEquals(List.of("0", "5", "10", "15", "20", "25", "30"), labels(LineChart.linearTicks(0, 30, 8, true)));
    assertEquals(List.of("1", "2", "3", "4", "5"), labels(LineChart.linearTicks(1, 5, 8, true)));
    assertEquals(List.of("0", "1"), labels(LineChart.linearTicks(0, 1, 8, true)), "whole epochs");
    assertEquals(
        List.of("0", "0.5", "1", "1.5", "2", "2.5"), labels(LineChart.linearTicks(0, 2.7, 8, false)), "seconds");
    assertEquals(List.of("0", "0.1", "0.2"), labels(LineChart.linearTicks(-0.01, 0.23, 3, false)));
    assertEquals(
        List.of("-1", "-0.5", "0", "0.5", "1"), labels(LineChart.linearTicks(-1.05, 1.05, 7, false)));
    assertEquals(List.of("0", "5,000", "10,000", "15,000", "20,000"),
        labels(LineChart.linearTicks(0, 20_000, 8, true)));
    assertEquals(List.of("0", "2e6", "4e6"), labels(LineChart.linearTicks(0, 5e6, 3, true)));
  }

  @Test
  void panelsSideBySide() throws IOException {
    BufferedImage left = fourSeries().build().draw();
    BufferedImage right = LineChart.builder().size(500, 300).series("x", falling(5, 1, 1)).build().draw();
    BufferedImage both = LineChart.sideBySide("heading", List.of(left, right));
    assertEquals(12 + 640 + 10 + 500 + 12, both.getWidth());
    assertEquals(30 + 400 + 12, both.getHeight());
    // Each panel is copied as it is.
    assertEquals(left.getRGB(320, 200), both.getRGB(12 + 320, 30 + 200));
    assertEquals(right.getRGB(250, 150), both.getRGB(12 + 640 + 10 + 250, 30 + 150));
    BufferedImage bare = LineChart.sideBySide("", List.of(left));
    assertEquals(640 + 24, bare.getWidth());
    assertEquals(400 + 12, bare.getHeight());
    assertThrows(IllegalArgumentException.class, () -> LineChart.sideBySide("", List.of()));
  }

  @Test
  void theChartIsWrittenAsAPngFile() throws IOException {
    Path file = pictures.resolve("charts").resolve("four.png");
    fourSeries().build().write(file);
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    BufferedImage read = ImageIO.read(file.toFile());
    assertNotNull(read);
    assertEquals(LineChart.WIDTH, read.getWidth());
  }

  /**
   * The two uses the examples have for it: learning curves, and three ways of batching compared against
   * epochs and against seconds, side by side. With {@code -Dlinechart.samples=DIR} they are also written
   * there, to look at.
   */
  @Test
  void theExamplesPictures() throws IOException {
    double[] training = falling(60, 0.9, 0.9);
    double[] validation = new double[60];
    for (int i = 0; i < 60; i++) {
      validation[i] = 0.95 / Math.pow(i + 1, 0.7) + 0.0004 * i;
    }
    LineChart curves =
        LineChart.builder()
            .title("Digits 64-32-10: mean loss after each epoch")
            .note("Adam, learning rate 0.001, batches of 32; early stopping would keep epoch 38")
            .xTitle("epoch")
            .yTitle("mean cross-entropy")
            .series("training", training)
            .series("validation", validation)
            .build();

    int epochs = 200;
    double[] fullBatch = new double[epochs];
    double[] fullSeconds = new double[epochs];
    double[] stochastic = new double[epochs];
    double[] stochasticSeconds = new double[epochs];
    double[] mini = new double[epochs];
    double[] miniSeconds = new double[epochs];
    for (int i = 0; i < epochs; i++) {
      fullBatch[i] = 0.25 * Math.exp(-i / 120.0) + 1e-3;
      fullSeconds[i] = 0.004 * (i + 1);
      stochastic[i] = 0.25 / (1 + i) * (1 + 0.3 * Math.abs(Math.sin(7 * i))) + 2e-5;
      stochasticSeconds[i] = 0.011 * (i + 1);
      mini[i] = 0.25 * Math.exp(-i / 15.0) + 1e-6;
      miniSeconds[i] = 0.006 * (i + 1);
    }
    List<BufferedImage> panels =
        List.of(
            comparison("against epochs", "epoch", null, fullBatch, stochastic, mini, null, null, null),
            comparison("against time", "seconds", null, fullBatch, stochastic, mini,
                fullSeconds, stochasticSeconds, miniSeconds));
    BufferedImage both = LineChart.sideBySide("XOR 2-2-1: full batch, stochastic and mini-batch", panels);
    assertEquals(12 + 2 * 640 + 10 + 12, both.getWidth());

    String samples = System.getProperty("linechart.samples");
    Path directory = samples == null ? pictures : Paths.get(samples);
    curves.write(directory.resolve("linechart-learning-curves.png"));
    LineChart.write(both, directory.resolve("linechart-batching.png"));
    assertTrue(Files.size(directory.resolve("linechart-batching.png")) > 1000);
  }

  private static BufferedImage comparison(
      String title, String xTitle, String yTitle, double[] full, double[] sgd, double[] mini,
      double[] fullX, double[] sgdX, double[] miniX) {
    LineChart.Builder b = LineChart.builder().title(title).xTitle(xTitle).yTitle(yTitle == null ? "mean loss" : yTitle);
    if (fullX == null) {
      b.series("full batch", full).series("stochastic (1)", sgd).series("mini-batch (16)", mini);
    } else {
      b.series("full batch", fullX, full).series("stochastic (1)", sgdX, sgd).series("mini-batch (16)", miniX, mini);
    }
    return b.build().draw();
  }

  private static List<String> labels(List<BigDecimal> ticks) {
    return LineChart.labels(ticks).stream().collect(Collectors.toList());
  }

  /** The number of columns of {@code area} with at least one pixel close to {@code colour}. */
  private static int columnsWith(BufferedImage image, Rectangle area, Color colour) {
    int columns = 0;
    for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x++) {
      for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y++) {
        if (close(new Color(image.getRGB(x, y)), colour)) {
          columns++;
          break;
        }
      }
    }
    return columns;
  }

  /** From the first column of {@code area} with a pixel close to {@code colour} to the last; 0 for none. */
  private static int span(BufferedImage image, Rectangle area, Color colour) {
    int first = -1;
    int last = -1;
    for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x++) {
      for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y++) {
        if (close(new Color(image.getRGB(x, y)), colour)) {
          if (first < 0) {
            first = x;
          }
          last = x;
          break;
        }
      }
    }
    return first < 0 ? 0 : last - first + 1;
  }

  /** How many columns from {@code x} on have no dark pixel in {@code area}, up to {@code most}. */
  private static int blankFor(BufferedImage image, Rectangle area, int x, int most) {
    int blank = 0;
    for (int c = x + 1; c < area.x + area.width && blank < most; c++) {
      for (int y = area.y; y < area.y + area.height; y++) {
        if (close(new Color(image.getRGB(c, y)), Color.BLACK)) {
          return blank;
        }
      }
      blank++;
    }
    return blank;
  }

  private static boolean fontsWork() {
    BufferedImage scratch = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      return Text.draw(g, "x", Text.font(12, false), Color.BLACK, 0, 3, Text.Align.LEFT);
    } finally {
      g.dispose();
    }
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 40
        && Math.abs(a.getGreen() - b.getGreen()) < 40
        && Math.abs(a.getBlue() - b.getBlue()) < 40;
  }
}
