package dev.hardwired.processor.write;

import dev.hardwired.Activation;
import dev.hardwired.Topology;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a network for its lesson, as SVG: one column of nodes per layer, named as the comments
 * name them (I0, H0, O0), every connection between neighbouring layers, each layer titled with its
 * activation and each set of weights with its name (ItoH, HtoO). A layer of more than {@link #SHOWN}
 * nodes shows its first ones, an ellipsis and its last. Deterministic: whole pixels, a fixed order.
 */
final class NetworkDiagram {
  /** The most nodes drawn in one column. */
  static final int SHOWN = 8;

  private static final int COLUMN = 170;
  private static final int ROW = 52;
  private static final int RADIUS = 19;
  private static final int TOP = 78;
  private static final int SIDE = 90;

  private NetworkDiagram() {}

  /** The SVG document of {@code model}'s network, for {@code title} (read by screen readers). */
  static String svg(NetworkModel model, String title) {
    Topology topology = model.topology();
    int layers = topology.layerCount() + 1;
    List<List<Integer>> shown = new ArrayList<>();
    int rows = 1;
    for (int l = 0; l < layers; l++) {
      shown.add(shownNodes(topology.size(l)));
      rows = Math.max(rows, shown.get(l).size());
    }
    int width = 2 * SIDE + (layers - 1) * COLUMN;
    int height = TOP + rows * ROW + 40;
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"13\">\n");
    s.append("  <title>").append(escape(title)).append("</title>\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");

    s.append("  <g stroke=\"#9aa5b1\" stroke-width=\"1\">\n");
    for (int l = 1; l < layers; l++) {
      for (int j : shown.get(l)) {
        for (int i : shown.get(l - 1)) {
          if (i >= 0 && j >= 0) {
            s.append("    <line x1=\"").append(x(l - 1)).append("\" y1=\"").append(y(shown.get(l - 1), i, rows))
                .append("\" x2=\"").append(x(l)).append("\" y2=\"").append(y(shown.get(l), j, rows)).append("\"/>\n");
          }
        }
      }
    }
    s.append("  </g>\n");

    for (int l = 0; l < layers; l++) {
      s.append("  <g>\n");
      s.append("    <text x=\"").append(x(l)).append("\" y=\"24\" text-anchor=\"middle\" font-weight=\"bold\">")
          .append(escape(layerTitle(topology, l))).append("</text>\n");
      s.append("    <text x=\"").append(x(l)).append("\" y=\"42\" text-anchor=\"middle\">")
          .append(escape(layerDetail(topology, l))).append("</text>\n");
      List<Integer> nodes = shown.get(l);
      for (int k = 0; k < nodes.size(); k++) {
        int j = nodes.get(k);
        int cy = y(nodes, j, rows);
        if (j < 0) {
          s.append("    <text x=\"").append(x(l)).append("\" y=\"").append(cy + 5)
              .append("\" text-anchor=\"middle\" font-size=\"18\">⋮</text>\n");
          continue;
        }
        s.append("    <circle cx=\"").append(x(l)).append("\" cy=\"").append(cy).append("\" r=\"").append(RADIUS)
            .append("\" fill=\"").append(l == 0 ? "#e8f0fe" : l == layers - 1 ? "#fde8e8" : "#e8f5e9")
            .append("\" stroke=\"#334155\"/>\n");
        s.append("    <text x=\"").append(x(l)).append("\" y=\"").append(cy + 4).append("\" text-anchor=\"middle\">")
            .append(escape(topology.nodeName(l, j))).append("</text>\n");
      }
      s.append("  </g>\n");
    }
    for (int l = 1; l < layers; l++) {
      s.append("  <text x=\"").append((x(l - 1) + x(l)) / 2).append("\" y=\"").append(TOP + rows * ROW + 20)
          .append("\" text-anchor=\"middle\" font-style=\"italic\">")
          .append(escape(model.weightsName(model.layers().get(l)))).append("</text>\n");
    }
    return s.append("</svg>\n").toString();
  }

  /** The nodes of a layer of {@code size} drawn, in order; -1 stands for the ellipsis. */
  private static List<Integer> shownNodes(int size) {
    List<Integer> nodes = new ArrayList<>();
    if (size <= SHOWN) {
      for (int j = 0; j < size; j++) {
        nodes.add(j);
      }
      return nodes;
    }
    for (int j = 0; j < SHOWN - 2; j++) {
      nodes.add(j);
    }
    nodes.add(-1);
    nodes.add(size - 1);
    return nodes;
  }

  private static String layerTitle(Topology topology, int l) {
    if (l == 0) {
      return "input";
    }
    if (l == topology.layerCount()) {
      return "output";
    }
    return topology.layerCount() == 2 ? "hidden" : "hidden " + l;
  }

  private static String layerDetail(Topology topology, int l) {
    String nodes = topology.size(l) + (topology.size(l) == 1 ? " node" : " nodes");
    if (l == 0) {
      return nodes;
    }
    Activation activation = topology.activation(l);
    return nodes + ", " + activation.displayName();
  }

  private static int x(int l) {
    return SIDE + l * COLUMN;
  }

  /** The centre of the node at position of {@code j} in its column, the column centred on the tallest. */
  private static int y(List<Integer> nodes, int j, int rows) {
    int offset = (rows - nodes.size()) * ROW / 2;
    return TOP + offset + nodes.indexOf(j) * ROW + ROW / 2;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
