package dev.hardwired.io;

import dev.hardwired.Topology;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/** Writes one weights file of version 1: see docs/weights-file.md. */
final class WeightsWriter {
  private WeightsWriter() {}

  /** Writes the whole file of {@code snapshot} to {@code out}, flushes it and leaves it open. */
  static void write(Snapshot snapshot, OutputStream out) throws IOException {
    Topology topology = snapshot.topology;
    CRC32 crc = new CRC32();
    Writer w = new BufferedWriter(new OutputStreamWriter(new CheckedOutputStream(out, crc), StandardCharsets.UTF_8), 1 << 16);
    w.write(WeightsFile.MAGIC + " " + WeightsFile.VERSION + "\n");
    w.write(Header.layersLine(topology) + "\n");
    w.write(Header.hiddenActivationsLine(topology) + "\n");
    w.write(Header.outputActivationLine(topology) + "\n");
    w.write(Header.lossLine(topology) + "\n");
    w.write(Header.precisionLine(snapshot.precision) + "\n");
    w.write("parameters " + topology.parameterCount() + "\n");
    int layers = topology.layerCount();
    for (int l = 1; l <= layers; l++) {
      int fanIn = topology.size(l - 1);
      int size = topology.size(l);
      w.write("# layer " + l + ": " + (l == layers ? "output" : "hidden") + ", " + size + " neuron"
          + (size == 1 ? "" : "s") + ", " + topology.activation(l).name() + "\n");
      for (int j = 0; j < size; j++) {
        writeLine(w, snapshot, topology.weightOffset(l) + j * fanIn, fanIn);
      }
      writeLine(w, snapshot, topology.biasOffset(l), size);
    }
    w.flush();
    // The checksum line goes through the same chain; the CRC taken here covers every byte before it.
    w.write("checksum crc32 " + String.format(Locale.ROOT, "%08x", crc.getValue()) + "\n");
    w.flush();
  }

  private static void writeLine(Writer w, Snapshot snapshot, int first, int count) throws IOException {
    w.write("# " + comment(snapshot.topology, first, count) + "\n");
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        w.write(' ');
      }
      w.write(snapshot.text(first + k));
    }
    w.write('\n');
  }

  /**
   * What the value line of {@code count} parameters from {@code first} holds: {@code parameters 0..1: ItoH
   * weights into layer 1 neuron 0 from inputs 0..1}, or {@code parameter 8: bias of layer 2 neuron 0}.
   */
  static String comment(Topology topology, int first, int count) {
    int l = 1;
    while (first >= topology.weightOffset(l + 1)) {
      l++;
    }
    boolean output = l == topology.layerCount();
    String at = count == 1 ? "parameter " + first : "parameters " + first + ".." + (first + count - 1);
    if (first < topology.biasOffset(l)) {
      int fanIn = topology.size(l - 1);
      int neuron = (first - topology.weightOffset(l)) / fanIn;
      String matrix = (l == 1 ? "I" : "H") + "to" + (output ? "O" : "H");
      String from = l == 1
          ? (fanIn == 1 ? "input 0" : "inputs 0.." + (fanIn - 1))
          : (fanIn == 1 ? "node 0" : "nodes 0.." + (fanIn - 1)) + " of layer " + (l - 1);
      return at + ": " + matrix + " weight" + (fanIn == 1 ? "" : "s") + " into layer " + l + " neuron " + neuron
          + " from " + from;
    }
    int size = topology.size(l);
    return at + ": " + (size == 1 ? "bias of layer " + l + " neuron 0" : "biases of layer " + l + " neurons 0.." + (size - 1));
  }
}
