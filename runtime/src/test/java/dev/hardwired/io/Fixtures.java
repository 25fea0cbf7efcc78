package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/** Networks and file texts shared by the weights file tests. */
final class Fixtures {
  private Fixtures() {}

  static final Topology XOR =
      Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  /** Parameters of the pinned 2-2-1 file: short decimals that every JDK prints the same way. */
  static final double[] XOR_PARAMETERS = {0.5, -0.25, 0.125, 1.0, 0.0, -1.5, 0.75, -2.0, 0.25};

  /** The pinned file of {@link #XOR} with {@link #XOR_PARAMETERS}. */
  static final String XOR_FILE =
      "hardwired-weights 1\n"
          + "layers 2-2-1\n"
          + "hidden-activations LOGISTIC\n"
          + "output-activation LOGISTIC\n"
          + "loss SQUARED_ERROR\n"
          + "precision DOUBLE\n"
          + "parameters 9\n"
          + "# layer 1: hidden, 2 neurons, LOGISTIC\n"
          + "# parameters 0..1: ItoH weights into layer 1 neuron 0 from inputs 0..1\n"
          + "0.5 -0.25\n"
          + "# parameters 2..3: ItoH weights into layer 1 neuron 1 from inputs 0..1\n"
          + "0.125 1.0\n"
          + "# parameters 4..5: biases of layer 1 neurons 0..1\n"
          + "0.0 -1.5\n"
          + "# layer 2: output, 1 neuron, LOGISTIC\n"
          + "# parameters 6..7: HtoO weights into layer 2 neuron 0 from nodes 0..1 of layer 1\n"
          + "0.75 -2.0\n"
          + "# parameter 8: bias of layer 2 neuron 0\n"
          + "0.25\n"
          + "checksum crc32 70e6b33f\n";

  static ReferenceNetwork xor() {
    ReferenceNetwork net = new ReferenceNetwork(XOR);
    net.setParameters(XOR_PARAMETERS);
    return net;
  }

  /** A float 2-2-1 with the same (exactly representable) parameters. */
  static FloatNet floatXor() {
    FloatNet net = new FloatNet(XOR);
    float[] p = new float[XOR_PARAMETERS.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) XOR_PARAMETERS[i];
    }
    net.setParameters(p);
    return net;
  }

  static Topology topology(int inputs, int[] hidden, int outputs, Activation hiddenActivation, Activation output, Loss loss) {
    return Topology.of(inputs, hidden, outputs, new Activation[] {hiddenActivation}, output, loss);
  }

  static String text(TrainableNetwork net) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WeightsFile.write(net, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String text(TrainableFloatNetwork net) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WeightsFile.write(net, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** {@code text} with its last line replaced by the right checksum line for everything before it. */
  static String withChecksum(String text) {
    int last = text.lastIndexOf('\n', text.length() - 2);
    String body = text.substring(0, last + 1);
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return body + "checksum crc32 " + String.format(Locale.ROOT, "%08x", crc.getValue()) + "\n";
  }
}
