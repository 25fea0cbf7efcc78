package dev.hardwired.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A learning curve: the mean loss after every epoch, on a logarithmic scale, with the epoch to the right.
 * Dots mark chosen epochs (those of the decision-boundary pictures).
 */
final class LearningCurveImage {
  static final int WIDTH = 640;

  static final int HEIGHT = 400;

  /** The plot inside the picture: room on the left and below for the tick labels and axis titles. */
  private static final int LEFT = 76;

  private static final int RIGHT = WIDTH - 24;

  private static final int TOP = 54;

  private static final int BOTTOM = HEIGHT - 54;

  private static final Color CURVE = new Color(0x2166ac);

  private static final Color MARK = new Color(0xb2182b);

  private static final Color GRID = new Color(0xe4e4e4);

  private static final Color AXIS = new Color(0x404040);

  private LearningCurveImage() {}

  /**
   * @param losses the mean loss after each epoch, indexed by the epoch (element 0 before training); each
   *     positive
   * @param marked epochs to mark with a dot on the curve
   * @param note a line under the title, in grey
   * @param lossName what the vertical axis shows
   */
  static BufferedImage draw(double[] losses, int[] marked, String title, String note, String lossName) {
    if (losses.length == 0) {
      throw new IllegalArgumentException("no losses to draw");
    }
    int lastEpoch = Math.max(1, losses.length - 1);
    double[] range = logRange(losses);
    Scale scale = new Scale(lastEpoch, range[0], range[1]);

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Text.smooth(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Text.draw(g, title, Text.font(15, true), Color.BLACK, 12, 22, Text.Align.LEFT);
      Text.draw(g, note, Text.font(12, false), Color.DARK_GRAY, 12, 40, Text.Align.LEFT);
      Font tickFont = Text.font(11, false);
      Font axisFont = Text.font(12, false);

      // Loss ticks: every 1, 2 and 5 × 10^k is labelled with a grid line, the other integers get a short
      // tick; over many decades only the powers of ten are labelled.
      boolean fewDecades = range[1] - range[0] <= 3;
      for (int decade = (int) Math.floor(range[0]); decade <= (int) Math.ceil(range[1]); decade++) {
        for (int m = 1; m <= 9; m++) {
          double log = decade + Math.log10(m);
          if (log < range[0] || log > range[1]) {
            continue;
          }
          double y = scale.y(log);
          boolean labelled = m == 1 || (fewDecades && (m == 2 || m == 5));
          if (labelled) {
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Line2D.Double(LEFT, y, RIGHT, y));
            String label = BigDecimal.valueOf(m).scaleByPowerOfTen(decade).toPlainString();
            Text.draw(g, label, tickFont, AXIS, LEFT - 8, y + 4, Text.Align.RIGHT);
          }
          g.setColor(AXIS);
          g.draw(new Line2D.Double(LEFT - (labelled ? 5 : 3), y, LEFT, y));
        }
      }

      // Epoch ticks: a round step that gives at most 8 of them.
      int step = niceStep(lastEpoch, 8);
      for (int epoch = 0; epoch <= lastEpoch; epoch += step) {
        double x = scale.x(epoch);
        g.setColor(GRID);
        g.draw(new Line2D.Double(x, TOP, x, BOTTOM));
        g.setColor(AXIS);
        g.draw(new Line2D.Double(x, BOTTOM, x, BOTTOM + 5));
        Text.draw(g, String.format(Locale.ROOT, "%,d", epoch), tickFont, AXIS, x, BOTTOM + 18, Text.Align.CENTER);
      }

      g.setColor(AXIS);
      g.draw(new Line2D.Double(LEFT, TOP, LEFT, BOTTOM));
      g.draw(new Line2D.Double(LEFT, BOTTOM, RIGHT, BOTTOM));
      Text.draw(g, "epoch", axisFont, Color.BLACK, (LEFT + RIGHT) / 2.0, HEIGHT - 14, Text.Align.CENTER);
      Text.drawUpwards(g, lossName + " (log scale)", axisFont, Color.BLACK, 18, (TOP + BOTTOM) / 2.0);

      Path2D curve = new Path2D.Double();
      curve.moveTo(scale.x(0), scale.y(Math.log10(losses[0])));
      for (int epoch = 1; epoch < losses.length; epoch++) {
        curve.lineTo(scale.x(epoch), scale.y(Math.log10(losses[epoch])));
      }
      g.setColor(CURVE);
      g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(curve);

      for (int epoch : marked) {
        if (epoch >= 0 && epoch < losses.length) {
          double x = scale.x(epoch);
          double y = scale.y(Math.log10(losses[epoch]));
          Ellipse2D dot = new Ellipse2D.Double(x - 4, y - 4, 8, 8);
          g.setColor(MARK);
          g.fill(dot);
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke(1.2f));
          g.draw(dot);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The decimal logarithms of the lowest and highest loss, a little apart, so that the curve has a margin. */
  private static double[] logRange(double[] losses) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double loss : losses) {
      if (!(loss > 0) || Double.isInfinite(loss)) {
        throw new IllegalArgumentException("a loss to draw on a log scale must be positive and finite: " + loss);
      }
      low = Math.min(low, Math.log10(loss));
      high = Math.max(high, Math.log10(loss));
    }
    double margin = Math.max(0.05 * (high - low), 0.1);
    return new double[] {low - margin, high + margin};
  }

  /** The smallest step of 1, 2 or 5 × 10^k that puts at most {@code most} ticks on {@code 0..last}. */
  static int niceStep(int last, int most) {
    for (int power = 1; ; power *= 10) {
      for (int m : new int[] {1, 2, 5}) {
        if (last / (m * power) + 1 <= most) {
          return m * power;
        }
      }
    }
  }

  /** From epochs and decimal logarithms of losses to pixels. */
  private static final class Scale {
    private final int lastEpoch;
    private final double lowLog;
    private final double highLog;

    Scale(int lastEpoch, double lowLog, double highLog) {
      this.lastEpoch = lastEpoch;
      this.lowLog = lowLog;
      this.highLog = highLog;
    }

    double x(int epoch) {
      return LEFT + (double) epoch / lastEpoch * (RIGHT - LEFT);
    }

    double y(double log) {
      return BOTTOM - (log - lowLog) / (highLog - lowLog) * (BOTTOM - TOP);
    }
  }
}
