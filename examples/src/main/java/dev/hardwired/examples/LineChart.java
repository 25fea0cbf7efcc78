package dev.hardwired.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of several named series of (x, y) points, in the look of {@link LearningCurveImage}: a title
 * and a grey note above, a legend under them, grid lines at the labelled ticks, the vertical axis on a
 * logarithmic scale unless asked otherwise. Each series has its own colour, from the Okabe–Ito palette that
 * reads with every common colour-vision deficiency, and its own dash pattern, so that the series can also
 * be told apart in grey. For example:
 *
 * <pre>{@code
 * LineChart.builder()
 *     .title("Digits 64-32-10: mean loss after each epoch")
 *     .xTitle("epoch")
 *     .yTitle("mean cross-entropy")
 *     .series("training", history.trainingLosses())
 *     .series("validation", history.validationLosses())
 *     .build()
 *     .write(directory.resolve("digits-learning-curves.png"));
 * }</pre>
 *
 * <p>Points whose x or y is not a number are left out, and so are those with y ≤ 0 on a logarithmic
 * scale; the line goes on from the point before to the point after. A series of one point is a dot. The
 * series may have different lengths and x values; x may be whole epochs (the ticks are then whole too) or
 * seconds. Drawing needs no display ({@code java.awt.headless=true} is fine).
 */
final class LineChart {
  static final int WIDTH = LearningCurveImage.WIDTH;

  static final int HEIGHT = LearningCurveImage.HEIGHT;

  /**
   * The colours of the series in turn: blue, vermillion, bluish green, reddish purple, orange, sky blue
   * and black from Okabe &amp; Ito's palette ("Color Universal Design", 2008); its yellow is left out,
   * too pale on white.
   */
  static final Color[] PALETTE = {
    new Color(0x0072b2),
    new Color(0xd55e00),
    new Color(0x009e73),
    new Color(0xcc79a7),
    new Color(0xe69f00),
    new Color(0x56b4e9),
    new Color(0x000000),
  };

  /** The dash patterns of the series in turn, in pixels: solid, dashed, dash-dot, dotted. */
  private static final float[][] DASHES = {null, {8f, 4f}, {9f, 3.5f, 2f, 3.5f}, {2.5f, 3.5f}};

  private static final Color GRID = new Color(0xe4e4e4);

  private static final Color AXIS = new Color(0x404040);

  private static final float LINE_WIDTH = 2f;

  /** Room on the left for the tick labels and the axis title, on the right, and under the plot. */
  private static final int LEFT_MARGIN = 76;

  private static final int RIGHT_MARGIN = 24;

  private static final int BOTTOM_MARGIN = 54;

  private static final int LEGEND_ROW = 18;

  private static final int LEGEND_SAMPLE = 28;

  private static final int LEGEND_GAP = 22;

  private final String title;
  private final String note;
  private final String xTitle;
  private final String yTitle;
  private final boolean logY;
  private final int width;
  private final int height;
  private final List<Series> series;

  private LineChart(Builder b) {
    this.title = b.title;
    this.note = b.note;
    this.xTitle = b.xTitle;
    this.yTitle = b.yTitle;
    this.logY = b.logY;
    this.width = b.width;
    this.height = b.height;
    this.series = Collections.unmodifiableList(new ArrayList<Series>(b.series));
  }

  static Builder builder() {
    return new Builder();
  }

  /** What a chart shows; every setting is optional. */
  static final class Builder {
    private String title = "";
    private String note = "";
    private String xTitle = "";
    private String yTitle = "";
    private boolean logY = true;
    private int width = WIDTH;
    private int height = HEIGHT;
    private final List<Series> series = new ArrayList<Series>();

    private Builder() {}

    /** The line in bold at the top. */
    Builder title(String title) {
      this.title = orEmpty(title);
      return this;
    }

    /** A line in grey under the title. */
    Builder note(String note) {
      this.note = orEmpty(note);
      return this;
    }

    /** What the horizontal axis shows, e.g. {@code epoch} or {@code seconds}. */
    Builder xTitle(String xTitle) {
      this.xTitle = orEmpty(xTitle);
      return this;
    }

    /** What the vertical axis shows; {@code (log scale)} is added on a logarithmic scale. */
    Builder yTitle(String yTitle) {
      this.yTitle = orEmpty(yTitle);
      return this;
    }

    /** A logarithmic vertical scale (the default), or a linear one. */
    Builder logY(boolean logY) {
      this.logY = logY;
      return this;
    }

    /** The picture's size in pixels; 640 × 400 unless set. */
    Builder size(int width, int height) {
      if (width < 200 || height < 150) {
        throw new IllegalArgumentException(
            "a chart of " + width + " × " + height + " pixels; expected at least 200 × 150");
      }
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * A series of the points ({@code x[i]}, {@code y[i]}), in the next colour; the arrays are copied.
     *
     * @param name its label in the legend; empty for none
     * @throws IllegalArgumentException when the arrays differ in length
     */
    Builder series(String name, double[] x, double[] y) {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "series " + name + " has " + x.length + " x values and " + y.length + " y values; expected as many");
      }
      series.add(new Series(orEmpty(name), x.clone(), y.clone()));
      return this;
    }

    /**
     * A series of {@code y[i]} at x = i + 1: one value per epoch from the first, as {@code TrainingHistory}
     * gives its losses.
     */
    Builder series(String name, double[] y) {
      double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
      }
      return series(name, x, y);
    }

    LineChart build() {
      return new LineChart(this);
    }

    private static String orEmpty(String text) {
      return text == null ? "" : text;
    }
  }

  /** One named line. */
  private static final class Series {
    final String name;
    final double[] x;
    final double[] y;

    Series(String name, double[] x, double[] y) {
      this.name = name;
      this.x = x;
      this.y = y;
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Where the data are drawn, in pixels of the picture. */
  Rectangle plotArea() {
    Layout layout = layout(scratchContext());
    return layout.plot();
  }

  /**
   * Where the legend is drawn: under the title and the note, above the plot, as wide as the picture; no
   * height when no series has a name.
   */
  Rectangle legendArea() {
    Layout layout = layout(scratchContext());
    return new Rectangle(0, layout.legendTop, width, layout.legendHeight);
  }

  /** The colour of the {@code index}-th series. */
  static Color colour(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** Writes the chart as a PNG file, creating its directory if need be. */
  void write(Path png) throws IOException {
    write(draw(), png);
  }

  /** Writes {@code image} as a PNG file, creating its directory if need be. */
  static void write(BufferedImage image, Path png) throws IOException {
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    TrainingPictures.png(image, png);
  }

  BufferedImage draw() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Text.smooth(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      Layout layout = layout(g.getFontRenderContext());
      Text.draw(g, title, Text.font(15, true), Color.BLACK, 12, 22, Text.Align.LEFT);
      if (!note.isEmpty()) {
        Text.draw(g, note, Text.font(12, false), Color.DARK_GRAY, 12, 40, Text.Align.LEFT);
      }
      Range xs = xRange();
      Range ys = yRange();
      Scale scale = new Scale(layout, xs, ys, logY);
      drawYTicks(g, layout, scale, ys);
      drawXTicks(g, layout, scale, xs);

      g.setColor(AXIS);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Line2D.Double(layout.left, layout.plotTop, layout.left, layout.bottom));
      g.draw(new Line2D.Double(layout.left, layout.bottom, layout.right, layout.bottom));
      Font axisFont = Text.font(12, false);
      Text.draw(g, xTitle, axisFont, Color.BLACK, (layout.left + layout.right) / 2.0, height - 14, Text.Align.CENTER);
      String yText = logY ? (yTitle.isEmpty() ? "log scale" : yTitle + " (log scale)") : yTitle;
      Text.drawUpwards(g, yText, axisFont, Color.BLACK, 18, (layout.plotTop + layout.bottom) / 2.0);

      if (!ys.measured) {
        Text.draw(
            g,
            "no values to draw",
            Text.font(12, false),
            Color.GRAY,
            (layout.left + layout.right) / 2.0,
            (layout.plotTop + layout.bottom) / 2.0,
            Text.Align.CENTER);
      }
      Shape oldClip = g.getClip();
      g.clip(new Rectangle2D.Double(
          layout.left - 4, layout.plotTop - 4, layout.right - layout.left + 8, layout.bottom - layout.plotTop + 8));
      for (int s = 0; s < series.size(); s++) {
        drawSeries(g, series.get(s), s, scale);
      }
      g.setClip(oldClip);
      drawLegend(g, layout);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Panels side by side on white, top-aligned, under a heading in bold unless it is empty: for example a
   * chart of loss against epochs next to one of loss against seconds.
   */
  static BufferedImage sideBySide(String heading, List<BufferedImage> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("no panels to put side by side");
    }
    int margin = 12;
    int gap = 10;
    int headingHeight = heading == null || heading.isEmpty() ? 0 : 30;
    int width = 2 * margin - gap;
    int tallest = 0;
    for (BufferedImage panel : panels) {
      width += panel.getWidth() + gap;
      tallest = Math.max(tallest, panel.getHeight());
    }
    int height = headingHeight + tallest + margin;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Text.smooth(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      if (headingHeight > 0) {
        Text.draw(g, heading, Text.font(15, true), Color.BLACK, margin, 21, Text.Align.LEFT);
      }
      int x = margin;
      for (BufferedImage panel : panels) {
        g.drawImage(panel, x, headingHeight, null);
        x += panel.getWidth() + gap;
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * The labelled ticks of a logarithmic axis from {@code low} to {@code high} (both positive, in the
   * data's units), in order. Over at most three decades, every 1, 2 and 5 × 10^k in between; failing two
   * of those, every whole multiple of a power of ten (1, 2, …, 9 × 10^k); failing those too, linear ticks.
   * Over more decades, powers of ten: all of them, or every second, fifth, tenth… so that there are at
   * most eight.
   */
  static List<BigDecimal> logTicks(double low, double high) {
    double lowLog = Math.log10(low);
    double highLog = Math.log10(high);
    List<BigDecimal> ticks = new ArrayList<BigDecimal>();
    if (highLog - lowLog <= 3) {
      for (int[] mantissas : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
        ticks.clear();
        for (int decade = (int) Math.floor(lowLog); decade <= (int) Math.ceil(highLog); decade++) {
          for (int m : mantissas) {
            BigDecimal tick = BigDecimal.valueOf(m).scaleByPowerOfTen(decade);
            if (within(tick.doubleValue(), low, high)) {
              ticks.add(tick);
            }
          }
        }
        if (ticks.size() >= 2) {
          return ticks;
        }
      }
      return linearTicks(low, high, 6, false);
    }
    int first = (int) Math.ceil(lowLog - 1e-9);
    int last = (int) Math.floor(highLog + 1e-9);
    int step = niceStep(last - first, 8);
    for (int decade = first; decade <= last; decade++) {
      if (Math.floorMod(decade, step) == 0) {
        ticks.add(BigDecimal.ONE.scaleByPowerOfTen(decade));
      }
    }
    return ticks;
  }

  /**
   * The labelled ticks of a linear axis from {@code low} to {@code high}: the multiples in that range of
   * the smallest step of 1, 2 or 5 × 10^k that gives at most {@code most} of them (and at least 1 when
   * {@code whole}, for epochs).
   */
  static List<BigDecimal> linearTicks(double low, double high, int most, boolean whole) {
    List<BigDecimal> ticks = new ArrayList<BigDecimal>();
    if (!(high > low)) {
      ticks.add(BigDecimal.valueOf(low));
      return ticks;
    }
    BigDecimal lo = new BigDecimal(low);
    BigDecimal hi = new BigDecimal(high);
    int power = whole ? 0 : (int) Math.floor(Math.log10((high - low) / most)) - 1;
    for (; ; power++) {
      for (int m : new int[] {1, 2, 5}) {
        BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(power);
        BigDecimal first = lo.divide(step, 0, RoundingMode.CEILING);
        BigDecimal last = hi.divide(step, 0, RoundingMode.FLOOR);
        if (last.subtract(first).intValue() + 1 <= most) {
          for (BigDecimal k = first; k.compareTo(last) <= 0; k = k.add(BigDecimal.ONE)) {
            ticks.add(strip(k.multiply(step)));
          }
          return ticks;
        }
      }
    }
  }

  /**
   * The labels of ticks: plain decimals ({@code 0.001}, {@code 2.5}, {@code 20,000}), or when any tick
   * would need more than four zeros after the point or is a million or more, all in scientific notation
   * ({@code 1e-12}, {@code 2.5e6}, {@code 1e0}).
   */
  static List<String> labels(List<BigDecimal> ticks) {
    boolean scientific = false;
    for (BigDecimal tick : ticks) {
      int order = order(tick);
      if (tick.signum() != 0 && (order < -4 || order > 5)) {
        scientific = true;
      }
    }
    List<String> labels = new ArrayList<String>();
    for (BigDecimal tick : ticks) {
      labels.add(scientific ? scientific(tick) : plain(tick));
    }
    return labels;
  }

  private static String plain(BigDecimal tick) {
    BigDecimal t = strip(tick);
    if (t.scale() <= 0) {
      return String.format(Locale.ROOT, "%,d", t.longValueExact());
    }
    return t.toPlainString();
  }

  private static String scientific(BigDecimal tick) {
    if (tick.signum() == 0) {
      return "0";
    }
    int order = order(tick);
    return strip(tick.movePointLeft(order)).toPlainString() + "e" + order;
  }

  /** The power of ten of a number's first digit: 2 for 500, −3 for 0.0012. */
  private static int order(BigDecimal value) {
    BigDecimal v = strip(value.abs());
    return v.signum() == 0 ? 0 : v.precision() - v.scale() - 1;
  }

  private static BigDecimal strip(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  private static boolean within(double value, double low, double high) {
    double slack = 1e-9 * Math.abs(high - low);
    return value >= low - slack && value <= high + slack;
  }

  /** The smallest of 1, 2, 5, 10, 20, … that leaves at most {@code most} multiples in a span of {@code span}. */
  private static int niceStep(int span, int most) {
    return span <= 0 ? 1 : LearningCurveImage.niceStep(span, most);
  }

  private void drawYTicks(Graphics2D g, Layout layout, Scale scale, Range ys) {
    Font tickFont = Text.font(11, false);
    List<BigDecimal> ticks = logY ? logTicks(ys.low, ys.high) : linearTicks(ys.low, ys.high, 7, false);
    List<String> labels = labels(ticks);
    g.setStroke(new BasicStroke(1f));
    double decades = logY ? Math.log10(ys.high / ys.low) : 0;
    if (logY && decades <= 40) {
      // Short unlabelled ticks at the other whole multiples of the powers of ten, or over many decades
      // at the powers of ten left without a label.
      int most = decades <= 6 ? 9 : 1;
      for (int decade = (int) Math.floor(Math.log10(ys.low)); decade <= (int) Math.ceil(Math.log10(ys.high));
          decade++) {
        for (int m = 1; m <= most; m++) {
          double value = m * Math.pow(10, decade);
          if (within(value, ys.low, ys.high)) {
            double y = scale.y(value);
            g.setColor(AXIS);
            g.draw(new Line2D.Double(layout.left - 3, y, layout.left, y));
          }
        }
      }
    }
    for (int i = 0; i < ticks.size(); i++) {
      double y = scale.y(ticks.get(i).doubleValue());
      g.setColor(GRID);
      g.draw(new Line2D.Double(layout.left, y, layout.right, y));
      g.setColor(AXIS);
      g.draw(new Line2D.Double(layout.left - 5, y, layout.left, y));
      Text.draw(g, labels.get(i), tickFont, AXIS, layout.left - 8, y + 4, Text.Align.RIGHT);
    }
  }

  private void drawXTicks(Graphics2D g, Layout layout, Scale scale, Range xs) {
    Font tickFont = Text.font(11, false);
    List<BigDecimal> ticks = linearTicks(xs.low, xs.high, 8, xs.whole);
    List<String> labels = labels(ticks);
    g.setStroke(new BasicStroke(1f));
    for (int i = 0; i < ticks.size(); i++) {
      double x = scale.x(ticks.get(i).doubleValue());
      g.setColor(GRID);
      g.draw(new Line2D.Double(x, layout.plotTop, x, layout.bottom));
      g.setColor(AXIS);
      g.draw(new Line2D.Double(x, layout.bottom, x, layout.bottom + 5));
      Text.draw(g, labels.get(i), tickFont, AXIS, x, layout.bottom + 18, Text.Align.CENTER);
    }
  }

  private void drawSeries(Graphics2D g, Series s, int index, Scale scale) {
    Path2D line = new Path2D.Double();
    int points = 0;
    double lastX = 0;
    double lastY = 0;
    for (int i = 0; i < s.x.length; i++) {
      if (drawable(s.x[i], s.y[i])) {
        lastX = scale.x(s.x[i]);
        lastY = scale.y(s.y[i]);
        if (points == 0) {
          line.moveTo(lastX, lastY);
        } else {
          line.lineTo(lastX, lastY);
        }
        points++;
      }
    }
    g.setColor(colour(index));
    if (points == 1) {
      g.fill(new Ellipse2D.Double(lastX - 3.5, lastY - 3.5, 7, 7));
    } else if (points > 1) {
      g.setStroke(stroke(index));
      g.draw(line);
    }
  }

  private void drawLegend(Graphics2D g, Layout layout) {
    Font font = Text.font(12, false);
    for (int s = 0; s < series.size(); s++) {
      LegendEntry entry = layout.entries.get(s);
      if (entry == null) {
        continue;
      }
      double middle = entry.baseline - 4;
      g.setColor(colour(s));
      if (points(series.get(s)) == 1) {
        // Drawn as a dot, so shown as one.
        g.fill(new Ellipse2D.Double(entry.x + LEGEND_SAMPLE / 2.0 - 3.5, middle - 3.5, 7, 7));
      } else {
        g.setStroke(stroke(s));
        g.draw(new Line2D.Double(entry.x, middle, entry.x + LEGEND_SAMPLE, middle));
      }
      Text.draw(g, series.get(s).name, font, Color.BLACK, entry.x + LEGEND_SAMPLE + 6, entry.baseline, Text.Align.LEFT);
    }
  }

  private static Stroke stroke(int index) {
    float[] dash = DASHES[index % DASHES.length];
    return dash == null
        ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** How many points of {@code s} are drawn. */
  private int points(Series s) {
    int points = 0;
    for (int i = 0; i < s.x.length; i++) {
      if (drawable(s.x[i], s.y[i])) {
        points++;
      }
    }
    return points;
  }

  private boolean drawable(double x, double y) {
    return !Double.isNaN(x) && !Double.isInfinite(x) && !Double.isNaN(y) && !Double.isInfinite(y)
        && (!logY || y > 0);
  }

  /** The span of the x values drawn: from 0 when they start near it, whole when every x is whole. */
  private Range xRange() {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    boolean whole = true;
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        if (drawable(s.x[i], s.y[i])) {
          low = Math.min(low, s.x[i]);
          high = Math.max(high, s.x[i]);
          whole &= s.x[i] == Math.rint(s.x[i]);
        }
      }
    }
    if (low > high) {
      return new Range(0, 1, true, false);
    }
    if (low == high) {
      double half = whole ? 1 : Math.max(Math.abs(low) * 0.1, 0.5);
      return new Range(low - half, high + half, whole, true);
    }
    if (low >= 0 && low <= 0.1 * high) {
      low = 0;
    }
    return new Range(low, high, whole, true);
  }

  /**
   * The span of the y values drawn, a little wider so that the lines keep off the frame: by 5 % of the
   * span or, on a log scale, at least a tenth of a decade.
   */
  private Range yRange() {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        if (drawable(s.x[i], s.y[i])) {
          double v = logY ? Math.log10(s.y[i]) : s.y[i];
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    boolean measured = low <= high;
    if (!measured) {
      low = logY ? -1 : 0;
      high = logY ? 1 : 1;
    }
    double margin = logY ? Math.max(0.05 * (high - low), 0.1) : 0.05 * (high - low);
    if (margin == 0) {
      margin = Math.max(Math.abs(low) * 0.1, 0.5);
    }
    low -= margin;
    high += margin;
    return logY
        ? new Range(Math.pow(10, low), Math.pow(10, high), false, measured)
        : new Range(low, high, false, measured);
  }

  private static final class Range {
    final double low;
    final double high;
    final boolean whole;
    final boolean measured;

    Range(double low, double high, boolean whole, boolean measured) {
      this.low = low;
      this.high = high;
      this.whole = whole;
      this.measured = measured;
    }
  }

  /** From data to pixels. */
  private static final class Scale {
    private final Layout layout;
    private final Range xs;
    private final double lowY;
    private final double highY;
    private final boolean log;

    Scale(Layout layout, Range xs, Range ys, boolean log) {
      this.layout = layout;
      this.xs = xs;
      this.log = log;
      this.lowY = log ? Math.log10(ys.low) : ys.low;
      this.highY = log ? Math.log10(ys.high) : ys.high;
    }

    double x(double x) {
      return layout.left + (x - xs.low) / (xs.high - xs.low) * (layout.right - layout.left);
    }

    double y(double y) {
      double v = log ? Math.log10(y) : y;
      return layout.bottom - (v - lowY) / (highY - lowY) * (layout.bottom - layout.plotTop);
    }
  }

  /** Where a legend entry goes: the left end of its sample line and the baseline of its label. */
  private static final class LegendEntry {
    final double x;
    final double baseline;

    LegendEntry(double x, double baseline) {
      this.x = x;
      this.baseline = baseline;
    }
  }

  /** Where everything goes; the legend's rows depend on the widths of its labels. */
  private static final class Layout {
    int left;
    int right;
    int legendTop;
    int legendHeight;
    int plotTop;
    int bottom;
    final List<LegendEntry> entries = new ArrayList<LegendEntry>();

    Rectangle plot() {
      return new Rectangle(left, plotTop, right - left, bottom - plotTop);
    }
  }

  private Layout layout(FontRenderContext context) {
    Layout layout = new Layout();
    layout.left = LEFT_MARGIN;
    layout.right = width - RIGHT_MARGIN;
    layout.bottom = height - BOTTOM_MARGIN;
    layout.legendTop = note.isEmpty() ? 30 : 48;
    Font font = Text.font(12, false);
    double x = layout.left;
    int row = 0;
    boolean any = false;
    for (Series s : series) {
      if (s.name.isEmpty()) {
        layout.entries.add(null);
        continue;
      }
      double entryWidth = LEGEND_SAMPLE + 6 + textWidth(s.name, font, context);
      if (any && x + entryWidth > layout.right) {
        row++;
        x = layout.left;
      }
      layout.entries.add(new LegendEntry(x, layout.legendTop + 13 + row * LEGEND_ROW));
      x += entryWidth + LEGEND_GAP;
      any = true;
    }
    layout.legendHeight = any ? (row + 1) * LEGEND_ROW : 0;
    layout.plotTop = layout.legendTop + layout.legendHeight + (any ? 8 : 6);
    return layout;
  }

  private static double textWidth(String text, Font font, FontRenderContext context) {
    try {
      return font.getStringBounds(text, context).getWidth();
    } catch (OutOfMemoryError | StackOverflowError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      return 7.0 * text.length(); // No fonts: the labels are not drawn, but keep their room.
    }
  }

  private static FontRenderContext scratchContext() {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      Text.smooth(g);
      return g.getFontRenderContext();
    } finally {
      g.dispose();
    }
  }
}
