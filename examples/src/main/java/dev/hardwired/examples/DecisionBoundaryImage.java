package dev.hardwired.examples;

import dev.hardwired.Predictor;
import dev.hardwired.data.DataSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A picture of what a network with two inputs and one output has learned: its output over the square of
 * inputs [−0.25, 1.25]², coloured from blue (0) through white (0.5) to red (1), with a black line where the
 * output is 0.5 (the decision boundary) and the training samples as rings in the colour of their target. A
 * sample is classified right when the colour around it matches its ring. A line of title above.
 */
final class DecisionBoundaryImage {
  /** The inputs shown, on both axes: a margin of a quarter around the unit square, where XOR lives. */
  static final double LOW = -0.25;

  static final double HIGH = 1.25;

  /** Side of the square plot, in pixels. */
  static final int PLOT = 240;

  /** Height of the title band above the plot. */
  static final int TITLE = 24;

  static final int WIDTH = PLOT;

  static final int HEIGHT = TITLE + PLOT;

  /** The diverging colour map, ColorBrewer's RdBu from blue to red: output 0, 1/8, …, 1. */
  private static final int[] MAP = {
    0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b,
  };

  /** Rings of the samples: darker than the ends of the map, so that they stand out on their own colour. */
  private static final Color TARGET_0 = new Color(0x053061);

  private static final Color TARGET_1 = new Color(0x67001f);

  private static final Color BOUNDARY = new Color(0x1a1a1a);

  private static final Color LABEL = new Color(0x1a1a1a);

  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 190);

  private static final double RING_RADIUS = 6.5;

  private DecisionBoundaryImage() {}

  /**
   * Draws {@code network}'s output with {@code samples} on it.
   *
   * @param samples inputs of two values with targets of one, 0 or 1
   */
  static BufferedImage draw(Predictor network, DataSet samples, String title) {
    if (network.inputCount() != 2 || network.outputCount() != 1) {
      throw new IllegalArgumentException(
          "a network of 2 inputs and 1 output can be drawn on a plane, not one of " + network.inputCount()
              + " inputs and " + network.outputCount() + " outputs");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    double[][] outputs = outputs(network);
    for (int row = 0; row < PLOT; row++) {
      for (int column = 0; column < PLOT; column++) {
        image.setRGB(column, TITLE + row, colour(outputs[row][column]).getRGB());
      }
    }

    Graphics2D g = image.createGraphics();
    try {
      Text.smooth(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, TITLE);
      Text.draw(g, title, Text.font(12, false), Color.BLACK, WIDTH / 2.0, TITLE - 8, Text.Align.CENTER);

      g.setClip(0, TITLE, PLOT, PLOT);
      g.setColor(BOUNDARY);
      g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(contour(outputs, 0.5));
      for (int i = 0; i < samples.size(); i++) {
        double[] x = samples.input(i);
        double y = y(x[1]);
        ring(g, x(x[0]), y, samples.target(i)[0] >= 0.5 ? TARGET_1 : TARGET_0);
        // The inputs, below the ring in the lower half of the plot and above it in the upper half.
        double baseline = y > TITLE + PLOT / 2.0 ? y + RING_RADIUS + 14 : y - RING_RADIUS - 7;
        String inputs = number(x[0]) + ", " + number(x[1]);
        Text.draw(g, inputs, Text.font(10, false), LABEL, LABEL_BACKGROUND, x(x[0]), baseline, Text.Align.CENTER);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The colour of an output: blue at 0, near white at 0.5, red at 1, clamped outside [0, 1]. */
  static Color colour(double output) {
    double position = Math.max(0.0, Math.min(1.0, output)) * (MAP.length - 1);
    int below = Math.min((int) position, MAP.length - 2);
    double fraction = position - below;
    int a = MAP[below];
    int b = MAP[below + 1];
    return new Color(
        mix(a >> 16 & 0xff, b >> 16 & 0xff, fraction),
        mix(a >> 8 & 0xff, b >> 8 & 0xff, fraction),
        mix(a & 0xff, b & 0xff, fraction));
  }

  /** An input value for a label: {@code 0} or {@code 1} for XOR, two decimals otherwise. */
  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static int mix(int a, int b, double fraction) {
    return (int) Math.round(a + (b - a) * fraction);
  }

  /** The image column of the input value {@code x0} (the first input, left to right). */
  static int column(double x0) {
    return (int) Math.floor(x(x0));
  }

  /** The image row of the input value {@code x1} (the second input, bottom to top). */
  static int row(double x1) {
    return (int) Math.floor(y(x1));
  }

  /** Horizontal position in the image of the first input's value. */
  private static double x(double x0) {
    return (x0 - LOW) / (HIGH - LOW) * PLOT;
  }

  /** Vertical position in the image of the second input's value: the plot puts 0 at the bottom. */
  private static double y(double x1) {
    return TITLE + (HIGH - x1) / (HIGH - LOW) * PLOT;
  }

  /** The network's output at the centre of every pixel of the plot, by row from the top. */
  private static double[][] outputs(Predictor network) {
    double[][] outputs = new double[PLOT][PLOT];
    double[] input = new double[2];
    double[] output = new double[1];
    for (int row = 0; row < PLOT; row++) {
      input[1] = HIGH - (row + 0.5) / PLOT * (HIGH - LOW);
      for (int column = 0; column < PLOT; column++) {
        input[0] = LOW + (column + 0.5) / PLOT * (HIGH - LOW);
        network.predict(input, output);
        outputs[row][column] = output[0];
      }
    }
    return outputs;
  }

  /**
   * The line where the outputs cross {@code level}, by marching squares: each square between the centres
   * of four neighbouring pixels that the line crosses gets a straight piece, between the points on its
   * sides where the level is reached by linear interpolation.
   */
  private static Path2D contour(double[][] outputs, double level) {
    Path2D path = new Path2D.Double();
    double[] xs = new double[4];
    double[] ys = new double[4];
    for (int r = 0; r + 1 < outputs.length; r++) {
      for (int c = 0; c + 1 < outputs[r].length; c++) {
        double topLeft = outputs[r][c];
        double topRight = outputs[r][c + 1];
        double bottomRight = outputs[r + 1][c + 1];
        double bottomLeft = outputs[r + 1][c];
        // Around the square: top side left to right, right side downwards, bottom side right to left, left
        // side upwards. The crossings come in pairs along the way, one or (at a saddle) two.
        int n = 0;
        if (crosses(topLeft, topRight, level)) {
          xs[n] = c + fraction(topLeft, topRight, level);
          ys[n++] = r;
        }
        if (crosses(topRight, bottomRight, level)) {
          xs[n] = c + 1;
          ys[n++] = r + fraction(topRight, bottomRight, level);
        }
        if (crosses(bottomRight, bottomLeft, level)) {
          xs[n] = c + 1 - fraction(bottomRight, bottomLeft, level);
          ys[n++] = r + 1;
        }
        if (crosses(bottomLeft, topLeft, level)) {
          xs[n] = c;
          ys[n++] = r + 1 - fraction(bottomLeft, topLeft, level);
        }
        for (int k = 0; k + 1 < n; k += 2) {
          // Pixel centres are half a pixel into each pixel.
          path.moveTo(xs[k] + 0.5, TITLE + ys[k] + 0.5);
          path.lineTo(xs[k + 1] + 0.5, TITLE + ys[k + 1] + 0.5);
        }
      }
    }
    return path;
  }

  private static boolean crosses(double a, double b, double level) {
    return (a >= level) != (b >= level);
  }

  /** How far from {@code a} towards {@code b} the straight line between them reaches {@code level}. */
  private static double fraction(double a, double b, double level) {
    return (level - a) / (b - a);
  }

  /** A sample: a ring in the colour of its target, with a white edge on both sides. */
  private static void ring(Graphics2D g, double x, double y, Color colour) {
    Ellipse2D circle = new Ellipse2D.Double(x - RING_RADIUS, y - RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(5.5f));
    g.draw(circle);
    g.setColor(colour);
    g.setStroke(new BasicStroke(3f));
    g.draw(circle);
  }

  /**
   * Pictures drawn by {@link #draw} side by side, under a heading, with a colour bar on the right and a
   * line below that says how to read them.
   */
  static BufferedImage strip(List<BufferedImage> panels, String heading) {
    int margin = 12;
    int gap = 10;
    int headingHeight = 30;
    int captionHeight = 28;
    int barWidth = 14;
    int panelsWidth = panels.size() * WIDTH + (panels.size() - 1) * gap;
    int width = margin + panelsWidth + 20 + barWidth + 40 + margin;
    int height = headingHeight + HEIGHT + captionHeight;

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Text.smooth(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      Text.draw(g, heading, Text.font(15, true), Color.BLACK, margin, 21, Text.Align.LEFT);
      for (int i = 0; i < panels.size(); i++) {
        g.drawImage(panels.get(i), margin + i * (WIDTH + gap), headingHeight, null);
      }

      int barLeft = margin + panelsWidth + 20;
      int barTop = headingHeight + TITLE;
      for (int row = 0; row < PLOT; row++) {
        g.setColor(colour(1.0 - (row + 0.5) / PLOT));
        g.fillRect(barLeft, barTop + row, barWidth, 1);
      }
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1f));
      g.drawRect(barLeft, barTop, barWidth, PLOT - 1);
      double barMiddle = barLeft + barWidth / 2.0;
      Text.draw(g, "output", Text.font(12, false), Color.BLACK, barMiddle, barTop - 8, Text.Align.CENTER);
      double[] ticks = {1.0, 0.5, 0.0};
      String[] labels = {"1", "0.5", "0"};
      for (int t = 0; t < ticks.length; t++) {
        double y = barTop + (1.0 - ticks[t]) * (PLOT - 1);
        g.setColor(Color.BLACK);
        g.fillRect(barLeft + barWidth, (int) Math.round(y), 4, 1);
        Text.draw(g, labels[t], Text.font(11, false), Color.BLACK, barLeft + barWidth + 7, y + 4, Text.Align.LEFT);
      }

      Text.draw(
          g,
          "Colour: the network's output for inputs (x\u2081, x\u2082), x\u2081 to the right, x\u2082 upwards. "
              + "Black line: output 0.5, the decision boundary. "
              + "Rings: the training samples, in the colour of their target.",
          Text.font(12, false),
          Color.DARK_GRAY,
          margin,
          headingHeight + HEIGHT + 19,
          Text.Align.LEFT);
    } finally {
      g.dispose();
    }
    return image;
  }
}
