package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicturesTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path pictures;

  @Test
  void theXorRunWritesABoundaryPerChosenEpochAStripAndALearningCurve() throws IOException {
    ExampleResult result = XorExample.run(pictures);

    List<String> expected = new ArrayList<>();
    for (int epoch : XorExample.PICTURE_EPOCHS) {
      expected.add(TrainingPictures.boundaryFile("xor", epoch));
    }
    expected.add(TrainingPictures.boundaryFile("xor", result.epochs()));
    for (String name : expected) {
      BufferedImage image = readPng(pictures.resolve(name));
      assertEquals(DecisionBoundaryImage.WIDTH, image.getWidth(), name);
      assertEquals(DecisionBoundaryImage.HEIGHT, image.getHeight(), name);
    }
    assertEquals("xor-boundary-0500.png", expected.get(1));

    BufferedImage strip = readPng(pictures.resolve("xor-boundary-strip.png"));
    assertTrue(strip.getWidth() > expected.size() * DecisionBoundaryImage.WIDTH, "" + strip.getWidth());
    assertTrue(strip.getHeight() > DecisionBoundaryImage.HEIGHT, "" + strip.getHeight());

    BufferedImage curve = readPng(pictures.resolve("xor-learning-curve.png"));
    assertEquals(LearningCurveImage.WIDTH, curve.getWidth());
    assertEquals(LearningCurveImage.HEIGHT, curve.getHeight());

    try (var files = Files.list(pictures)) {
      assertEquals(expected.size() + 2, files.count(), "nothing else is written");
    }
  }

  @Test
  void picturesChangeNothingInTheResult() {
    ExampleResult plain = XorExample.run();
    ExampleResult drawn = XorExample.run(pictures);
    assertEquals(plain.epochs(), drawn.epochs());
    assertEquals(plain.finalLoss(), drawn.finalLoss());
    assertEquals(plain.accuracy(), drawn.accuracy());
    assertEquals(plain.topology(), drawn.topology());
  }

  @Test
  void theRecordHasTheLossOfEveryEpochAndTheNetworkAtTheChosenOnes() {
    TrainingRecord record = XorExample.record();
    assertEquals(XorExample.run().epochs(), record.epochs());

    double[] losses = record.losses();
    assertEquals(record.epochs() + 1, losses.length);
    for (double loss : losses) {
      assertTrue(loss > 0 && loss < 1, "" + loss);
    }
    assertEquals(XorExample.run().finalLoss(), losses[losses.length - 1], 1e-15);
    assertTrue(losses[losses.length - 1] < losses[0] / 10, losses[0] + " → " + losses[losses.length - 1]);

    int[] epochs = record.snapshots().stream().mapToInt(s -> s.epoch).toArray();
    assertArrayEquals(new int[] {0, 500, 1000, 1500, 2000, record.epochs()}, epochs);
    for (TrainingRecord.Snapshot snapshot : record.snapshots()) {
      assertEquals(losses[snapshot.epoch], snapshot.loss);
    }
  }

  /** Each sample's ring leaves its centre free, so the pixel under the sample shows the network's output there. */
  @Test
  void afterTrainingEachCornerHasTheColourOfItsTarget() throws IOException {
    ExampleResult result = XorExample.run(pictures);
    BufferedImage trained = readPng(pictures.resolve(TrainingPictures.boundaryFile("xor", result.epochs())));
    BufferedImage untrained = readPng(pictures.resolve(TrainingPictures.boundaryFile("xor", 0)));

    for (int i = 0; i < XorExample.XOR.size(); i++) {
      double[] x = XorExample.XOR.input(i);
      boolean one = XorExample.XOR.target(i)[0] == 1.0;
      Color pixel = pixelAt(trained, x);
      String where = x[0] + " xor " + x[1] + ": " + pixel;
      if (one) {
        assertTrue(pixel.getRed() > pixel.getBlue() + 80, where);
      } else {
        assertTrue(pixel.getBlue() > pixel.getRed() + 80, where);
      }
    }

    // Untrained, every output is about 0.67: all four corners are pale red, the two 0 targets included.
    for (int i = 0; i < XorExample.XOR.size(); i++) {
      Color pixel = pixelAt(untrained, XorExample.XOR.input(i));
      assertTrue(pixel.getRed() > pixel.getBlue(), pixel.toString());
    }
  }

  @Test
  void thePixelsAreTheColoursOfTheNetworksOutputs() {
    TrainingRecord record = XorExample.record();
    TrainingRecord.Snapshot last = record.snapshots().get(record.snapshots().size() - 1);
    BufferedImage image = DecisionBoundaryImage.draw(last.network, XorExample.XOR, "test");

    // Away from the rings and the boundary line: the middle of the plot, and points between the corners.
    double[][] points = {{0.5, 0.5}, {0.5, 0.0}, {0.0, 0.5}, {1.2, 1.2}, {-0.2, -0.2}};
    for (double[] point : points) {
      Color expected = DecisionBoundaryImage.colour(last.network.predict(point)[0]);
      Color actual = pixelAt(image, point);
      String where = point[0] + ", " + point[1];
      assertEquals(expected.getRed(), actual.getRed(), 6, where);
      assertEquals(expected.getGreen(), actual.getGreen(), 6, where);
      assertEquals(expected.getBlue(), actual.getBlue(), 6, where);
    }
  }

  @Test
  void theColourMapRunsFromBlueThroughWhiteToRed() {
    Color zero = DecisionBoundaryImage.colour(0.0);
    Color half = DecisionBoundaryImage.colour(0.5);
    Color one = DecisionBoundaryImage.colour(1.0);
    assertTrue(zero.getBlue() > 2 * zero.getRed(), zero.toString());
    assertTrue(one.getRed() > 2 * one.getBlue(), one.toString());
    assertTrue(half.getRed() > 240 && half.getGreen() > 240 && half.getBlue() > 240, half.toString());
    assertEquals(zero, DecisionBoundaryImage.colour(-3.0));
    assertEquals(one, DecisionBoundaryImage.colour(Double.POSITIVE_INFINITY));
  }

  @Test
  void theLearningCurveIsDrawn() throws IOException {
    XorExample.run(pictures);
    BufferedImage curve = readPng(pictures.resolve("xor-learning-curve.png"));
    Color line = new Color(0x2166ac);
    int columns = 0;
    for (int x = 0; x < curve.getWidth(); x++) {
      for (int y = 0; y < curve.getHeight(); y++) {
        if (close(new Color(curve.getRGB(x, y)), line)) {
          columns++;
          break;
        }
      }
    }
    // The curve runs across the plot, which takes up most of the width.
    assertTrue(columns > curve.getWidth() / 2, columns + " columns with the curve's colour");
  }

  @Test
  void epochTicksAreRoundAndFew() {
    assertEquals(500, LearningCurveImage.niceStep(2686, 8));
    assertEquals(2, LearningCurveImage.niceStep(10, 8));
    assertEquals(1, LearningCurveImage.niceStep(1, 8));
    assertEquals(5000, LearningCurveImage.niceStep(20_000, 8));
  }

  @Test
  void mainSaysWhereThePicturesAreFromTheRepositoryRoot() {
    Path directory = Main.picturesDirectory();
    assertTrue(directory.isAbsolute(), directory.toString());
    assertTrue(directory.endsWith(Paths.get("examples", "target", "pictures")), directory.toString());
    assertEquals(
        "Pictures of the XOR 2-2-1 training: examples/target/pictures/xor-boundary-*.png "
            + "(xor-boundary-strip.png: all side by side), xor-learning-curve.png"
            + System.lineSeparator()
            + "Learning curves: examples/target/pictures/digits-learning-curve.png,"
            + " examples/target/pictures/sine-learning-curve.png; full-batch GD, SGD and mini-batches compared:"
            + " examples/target/pictures/sine-gd-sgd-minibatch.png",
        Main.picturesLine(directory));
    String elsewhere = Main.picturesLine(pictures);
    assertTrue(elsewhere.contains(pictures.toAbsolutePath().toString()), elsewhere);
    assertFalse(elsewhere.contains("examples/target/pictures"), elsewhere);
  }

  private static BufferedImage readPng(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), file + " is written");
    byte[] bytes = Files.readAllBytes(file);
    byte[] signature = new byte[PNG_SIGNATURE.length];
    System.arraycopy(bytes, 0, signature, 0, signature.length);
    assertArrayEquals(PNG_SIGNATURE, signature, file + " is a PNG file");
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, file + " can be read back");
    return image;
  }

  private static Color pixelAt(BufferedImage image, double[] input) {
    return new Color(image.getRGB(DecisionBoundaryImage.column(input[0]), DecisionBoundaryImage.row(input[1])));
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 40
        && Math.abs(a.getGreen() - b.getGreen()) < 40
        && Math.abs(a.getBlue() - b.getBlue()) < 40;
  }
}
