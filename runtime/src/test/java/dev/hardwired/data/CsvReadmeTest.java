package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs the README's CSV example, whose code blocks DocumentationTest finds in this file. */
class CsvReadmeTest {

  @Test
  void readsScalesTrainsAndReports() throws Exception {
    Path file = resource("flowers.csv");
    Path otherFile = resource("flowers-more.csv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(printed, true, "UTF-8"));
    try {
      run(file, otherFile);
    } finally {
      System.setOut(console);
    }
    assertEquals(
        "[length, width, colour=white, colour=pale blue, colour=purple]\n"
            + """
            true \\ predicted  setosa  versicolor  virginica
            setosa                 1           0          0
            versicolor             0           1          0
            virginica              0           0          1

                        precision  recall     f1  support
            setosa          1.000   1.000  1.000        1
            versicolor      1.000   1.000  1.000        1
            virginica       1.000   1.000  1.000        1

            accuracy                       1.000        3
            macro avg       1.000   1.000  1.000        3
            """,
        new String(printed.toByteArray(), StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  private static void run(Path file, Path otherFile) throws IOException {
    CsvTable table = Csv.reader().label("species").oneHot("colour").dropMissing().read(file);
    System.out.println(table.inputNames());   // [length, width, colour=white, colour=pale blue, colour=purple]
    DataSet.Split split = table.dataSet().stratifiedSplit(0.75, 42);
    MinMaxScaler scaler = MinMaxScaler.fit(split.training());   // fitted on the training data only
    DataSet training = scaler.apply(split.training());
    DataSet test = scaler.apply(split.test());

    ReferenceNetwork net =
        ReferenceNetwork.seeded(
            Topology.of(5, new int[] {8}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY),
            42);
    for (int epoch = 0; epoch < 500; epoch++) {
      for (int i = 0; i < training.size(); i++) {
        net.train(training.input(i), training.target(i), 0.1);
      }
    }

    System.out.print(Metrics.classificationReport(net, test));
    String species = table.className(net.predict(scaler.apply(new double[] {1.4, 0.2, 1, 0, 0})));
    CsvTable more = table.reader().read(otherFile);   // the same inputs, categories and classes
    ClassificationReport report = Metrics.classificationReport(net, scaler.apply(more.dataSet()));

    assertEquals(1, table.droppedRows());
    assertEquals(12, table.dataSet().size());
    assertEquals(3, test.size());
    assertEquals("setosa", species);
    assertEquals(table.inputNames(), more.inputNames());
    assertEquals(1.0, report.accuracy());
    assertEquals(Arrays.asList("white", "pale blue", "purple"), more.categories().get("colour"));
  }

  @Test
  void theReadmesErrorMessageIsTheOneGiven() throws Exception {
    Path file = resource("flowers.csv");
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> Csv.reader().label("species").oneHot("colour").read(file));
    assertEquals(
        file + ", line 8, column 3 (colour): missing value 'NA'; expected a category, or dropMissing() to skip rows"
            + " with missing values",
        e.getMessage());
    assertEquals(8, e.line());
    assertEquals(3, e.column());
  }

  private static Path resource(String name) throws URISyntaxException {
    return Paths.get(CsvReadmeTest.class.getResource(name).toURI());
  }
}
