package dev.hardwired.examples;

import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Wine, frozen: 13 inputs → 16 hidden (tanh) → 3 outputs (softmax), with the parameters of
 * dev/hardwired/examples/wine.weights (checksum crc32 113e0136) as constants; inference only.
 *
 * <p>Generated from {@code Wine} and its weights file when the code was compiled: the forward pass
 * is the one of {@code WineNetwork}, statement for statement, so it gives the same outputs, bit for
 * bit. It needs nothing but the JDK, and is immutable, so safe to share between threads; {@code
 * predict(input, output)} allocates nothing.
 *
 * <p>Layers written as loops over weight rows: the hidden layer (13 → 16); the others are
 * straight-line code. Their parameters are kept as text, decoded once when the class is
 * initialised, and their values in a {@link Scratch}: {@code predict(input, output)} takes the
 * calling thread's, made on its first call, and {@code predict(input, output, scratch)} one that
 * the caller holds.
 */
@Generated("dev.hardwired.processor.NetworkProcessor")
public final class WineFrozen {
  /**
   * Number of inputs.
   */
  public static final int INPUTS = 13;

  /**
   * Number of outputs.
   */
  public static final int OUTPUTS = 3;

  /**
   * Number of parameters: every weight and every bias.
   */
  public static final int PARAMETERS = 275;

  /**
   * Number of nodes in the hidden layer.
   */
  private static final int HIDDEN = 16;

  /**
   * ItoH weights, one row per node of the input layer: wItoH[i][j] is the weight from I_i into H_j.
   * Decoded from text when the class is initialised, and never written after.
   */
  private static final double[][] wItoH = new double[INPUTS][HIDDEN];

  /**
   * Biases of the hidden layer.
   */
  private static final double[] bH = new double[HIDDEN];

  /**
   * The scratch of each thread for {@link #predict(double[], double[])}, made on its first call.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  static {
    decodeItoH();
  }

  private WineFrozen() {
  }

  /**
   * The outputs for {@code input}, in a new array.
   */
  public static double[] predict(double[] input) {
    double[] output = new double[OUTPUTS];
    predict(input, output);
    return output;
  }

  /**
   * Writes the outputs for {@code input} into {@code output}; allocates nothing but, on a thread's
   * first call, its scratch.
   */
  public static void predict(double[] input, double[] output) {
    predict(input, output, SCRATCH.get());
  }

  /**
   * Writes the outputs for {@code input} into {@code output}, with the values of the looped layers
   * in {@code scratch}; allocates nothing. A scratch is for one thread at a time.
   */
  public static void predict(double[] input, double[] output, Scratch scratch) {
    requireFinite(input, INPUTS, "input");
    requireLength(output, OUTPUTS, "output");
    if (scratch == null) {
      throw new IllegalArgumentException("scratch is null");
    }
    scratch.forward(input, output);
  }

  /**
   * Writes the outputs for each row of {@code inputs} into the same row of {@code outputs}, with
   * the bits of predict(input, output) on each; allocates nothing but, on a thread's first call,
   * its scratch. Every row is checked before any output is written.
   */
  public static void predict(double[][] inputs, double[][] outputs) {
    predict(inputs, outputs, SCRATCH.get());
  }

  /**
   * Writes the outputs for each row of {@code inputs} into the same row of {@code outputs}, with
   * the values of the looped layers in {@code scratch}; allocates nothing. Every row is checked
   * before any output is written.
   */
  public static void predict(double[][] inputs, double[][] outputs, Scratch scratch) {
    requireRows(inputs, outputs);
    if (scratch == null) {
      throw new IllegalArgumentException("scratch is null");
    }
    for (int k = 0; k < inputs.length; k++) {
      scratch.forward(inputs[k], outputs[k]);
    }
  }

  /**
   * Decodes the ItoH weights (wItoH, 13 rows of 16) and the biases of the hidden layer, 224 values
   * in 1 string constant.
   */
  private static void decodeItoH() {
    // the weight rows, then the biases
    double[][] rows = Arrays.copyOf(wItoH, INPUTS + 1);
    rows[INPUTS] = bH;
    int at = 0;
    at = decode(rows, at,
        "3oML:?G2Sea;oHiF11RCM<3o\\BKYN=Cmm3nPiF11RCM<3o_SDoO>fAJ3oIRCM;aZO`;oYH469=d_7;oL234Vj"
        + "GSE;ndN^57[QAk;nZ7:`8<BKY;oX<BKYN=Cn;oQXL[0Pa9_;o_gc]TFQb\\;o;YN=CmlkI3o^Se`XmL:?3oPPa"
        + "9^Uhe@;nlJWkifb;A3o\\TgBlJWkj;oK@iF11RCM3o]AjhDN^583o7BlJWkifb3oY`XmL:?G3;oQfb;@iF123n"
        + "]\\Rd>EP@I;o@XmL:?G2T3oZAJ7:`8<B;oEP@HTgBlK;o[QAjhDN^53oW4VjGSDoO3oRfAJ7:`8<;o@mL:?G2S"
        + "f3oY7[QAjhDO;o\\]3UH469>;nm;aZO_WK93oYAjhDN^583oB;@iF11RC3oT]3UH469>;oS@iF11RCM;o8TgBl"
        + "JWkj3o\\Pa9^Uhe@3oVUhe?gc]T3oH]3UH469>;oKDoO>fAJ73oW<c<c<c<c3oSUH469=d_;oUVIVIVIVJ;oKM"
        + ";aZO_WK3oSaZO_WK8]3oL:?G2Se`Y;oFM\\Rd>EP@3oEH469=d_7;oR34VjGSDo3oNjGSDoO>f3oNQb\\234Vj"
        + ";o^EP@HTgBl;o;I5XL[0Pa;oY;aZO_WK9;mPHTgBlJWl;o3DoO>fAJ7;o11RCM;aZP3oU?gc]TFQc3m@HTgBlJ"
        + "Wl3oJGSDoO>fA3o>57[QAjhD;o6jGSDoO>f3nbKYN=Cmlk;oAb\\234VjH;oC8]3UH4693oPe?gc]TFR3o@HTg"
        + "BlJWl;oZnM\\Rd>EP;nFQb\\234Vj3oV\\234VjGS;oYCmlkI5XM;oKI5XL[0Pa;oD[0Pa9^Ui;oZYnnM\\Rd>"
        + "3oU=d_6YnnN3o4_6YnnM\\S;oO[QAjhDN^;oZd>EP@HTg3o_:`8<BKYN3oMd_6YnnM];oZ?G2Se`Xm3oYb\\23"
        + "4VjH3oVIVIVIVIV;oF^57[QAjh3o:hDN^57[Q3oUF11RCM;b;o[K8]3UH46;o^^57[QAjh3oZ7:`8<BKY3o]b"
        + "\\234VjH;o_BlJWkifb3oOkifb;@iF3o_DoO>fAJ73oYnnM\\Rd>F3mPHTgBlJWl3nmlkI5XL[1;oNAJ7:`8<B"
        + ";o_e`XmL:?G;oZ34VjGSDo3o\\Pa9^Uhe@3oM3UH469=e3o\\[0Pa9^Ui3oDc<c<c<c=;o^GSDoO>fA3oE?gc]"
        + "TFQc;oWc]TFQb\\23m@HTgBlJWl3naJ7:`8<BL;oT:?G2Se`Y;o9VIVIVIVJ;oV\\234VjGS;o@00000000;nm"
        + "\\Rd>EP@I;oCaZO_WK8];ngBlJWkifb;oARCM;aZO`3oWWK8]3UH43nRKYN=Cmlk;oPBKYN=Cmm;o^Wkifb;@i"
        + "3o_8]3UH469;oTPa9^Uhe@3oTmL:?G2Sf3oG6YnnM\\Rd3oZ34VjGSDo3oPgBlJWkig3o>nM\\Rd>EP3oPTgBl"
        + "JWkj;oTe?gc]TFR;o^7:`8<BKY3oPgBlJWkig;o4VjGSDoO?3oKM;aZO_WK;nnM\\Rd>EP@3oW<c<c<c<c;oG6"
        + "YnnM\\Rd3oSSDoO>fAJ;oJSe`XmL:?3o[<c<c<c<c3o_BlJWkifb3o5?gc]TFQc3oXa9^Uhe?h;oXkI5XL[0Q3"
        + "o^;@iF11RC3nd_6YnnM\\S;oGgc]TFQb\\;oX@HTgBlJX3oRKYN=Cmlk;nm;aZO_WK9;oCDoO>fAJ7;oH469=d"
        + "_6Z3oO6YnnM\\Rd;o]?gc]TFQc3oWUH469=d_;oMCmlkI5XM3o?>fAJ7:`8;oVjGSDoO>f3oWBlJWkifb;o_c]"
        + "TFQb\\23oSDoO>fAJ7;oWDoO>fAJ7;oSI5XL[0Pa;oXPa9^Uhe@;oIjhDN^57\\3oZ9=d_6Ynn3oV\\234VjGS"
        + "3n[YN=CmlkI;n`XmL:?G2T3oLJWkifb;A3oS[QAjhDN^3o[O>fAJ7:`;o[>fAJ7:`8;o[]TFQb\\233o^9=d_6"
        + "Ynn3oWBlJWkifb;o_I5XL[0Pa;oE3UH469=e3oVlJWkifb;3o3e`XmL:?G3oVjGSDoO>f;o8TgBlJWkj;o>fAJ"
        + "7:`8<3oWM;aZO_WK;oCe`XmL:?G3oU1RCM;aZP3o7c]TFQb\\23oC]TFQb\\233o\\c<c<c<c=3oK4VjGSDoO;"
        + "o[kifb;@iF3oQhe?gc]TG;o[kifb;@iF3o@<BKYN=Cn;o2d>EP@HTg3oDgBlJWkig3oGc]TFQb\\2;oToO>fAJ"
        + "7;;o[e`XmL:?G3oW>fAJ7:`8;oGc]TFQb\\2;o\\]3UH469>;ndN^57[QAk;o^`8<BKYN=3n`HTgBlJWl3nbKY"
        + "N=Cmlk3oUd_6YnnM]3oLkI5XL[0Q;oHPa9^Uhe@3oP469=d_6Z;nKYN=CmlkI;oC]TFQb\\23;o\\<BKYN=Cn3"
        + "oVQb\\234Vj3niVIVIVIVJ3nGSDoO>fAJ3nY5XL[0Pa:3oS0Pa9^Uhe3oGc]TFQb\\23oJlJWkifb;;oOK8]3U"
        + "H46;oW_WK8]3UH");
  }

  /**
   * Decodes {@code text} into {@code rows}, laid end to end, from element {@code at}: 11 characters
   * per double, each character c giving 6 bits, c − '0', the most significant first, of its IEEE
   * 754 bits. Returns the element after the last.
   */
  private static int decode(double[][] rows, int at, String text) {
    int width = rows[0].length;
    int row = at / width;
    int column = at % width;
    for (int c = 0; c < text.length(); c += 11) {
      long bits = 0L;
      for (int k = c; k < c + 11; k++) {
        bits = (bits << 6) | (text.charAt(k) - '0');
      }
      rows[row][column] = Double.longBitsToDouble(bits);
      if (++column == width) {
        column = 0;
        row++;
      }
    }
    return at + text.length() / 11;
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements
   */
  private static void requireLength(double[] values, int expected, String what) {
    if (values == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected + " values");
    }
    if (values.length != expected) {
      throw new IllegalArgumentException(what + " has " + values.length
          + " values; expected " + expected);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements, all
   * finite
   */
  private static void requireFinite(double[] values, int expected, String what) {
    requireLength(values, expected, what);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] is " + values[i]
            + "; expected a finite number");
      }
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code outputs} has a row of OUTPUTS values for each
   * row of {@code inputs}, and each input row has INPUTS finite values
   */
  private static void requireRows(double[][] inputs, double[][] outputs) {
    if (inputs == null || outputs == null) {
      throw new IllegalArgumentException((inputs == null ? "inputs" : "outputs")
          + " is null; expected an array of rows");
    }
    if (outputs.length != inputs.length) {
      throw new IllegalArgumentException("outputs has " + outputs.length + " rows; expected "
          + inputs.length + ", one per row of inputs");
    }
    for (int k = 0; k < inputs.length; k++) {
      double[] row = inputs[k];
      boolean finite = row != null && row.length == INPUTS;
      for (int i = 0; finite && i < INPUTS; i++) {
        finite = Double.isFinite(row[i]);
      }
      if (!finite) {
        // The name is built only for a wrong row: this check runs for every row
        requireFinite(row, INPUTS, "inputs[" + k + "]");
      }
      if (outputs[k] == null || outputs[k].length != OUTPUTS) {
        requireLength(outputs[k], OUTPUTS, "outputs[" + k + "]");
      }
    }
  }

  /**
   * The values of one forward pass through the looped layers: SpostA of every layer that a loop
   * reads or writes. Each thread needs its own; {@link #predict(double[], double[])} keeps one per
   * thread, and a caller may hold its own instead, one per thread, for {@link #predict(double[],
   * double[], Scratch)}.
   */
  public static final class Scratch {
    /**
     * SpostA,H of the last forward pass.
     */
    private final double[] spostAH = new double[HIDDEN];

    /**
     * A scratch for {@link WineFrozen#predict(double[], double[], Scratch)}.
     */
    public Scratch() {
    }

    /**
     * The forward pass from {@code input} to {@code output}, through this scratch.
     */
    private void forward(double[] input, double[] output) {
      // Forward, hidden layer (tanh, looped): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
      forwardH(input);
      // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
      // SpreA,O0
      double zo0 = 0.412 * spostAH[0] + 0.3 * spostAH[1] + 0.168 * spostAH[2] - 0.5 * spostAH[3]
          + 0.859 * spostAH[4] + 0.417 * spostAH[5] + 0.066 * spostAH[6] + 0.464 * spostAH[7]
          + 0.337 * spostAH[8] - 0.392 * spostAH[9] + 0.765 * spostAH[10] + 0.856 * spostAH[11]
          + 0.003 * spostAH[12] - 0.418 * spostAH[13] + 0.198 * spostAH[14] + 0.66 * spostAH[15]
          + 0.383;
      // SpreA,O1
      double zo1 = 0.105 * spostAH[0] + 0.534 * spostAH[1] - 0.949 * spostAH[2] - 0.579 * spostAH[3]
          - 0.556 * spostAH[4] + 0.648 * spostAH[5] + 0.423 * spostAH[6] + 0.111 * spostAH[7]
          + 0.329 * spostAH[8] + 0.692 * spostAH[9] - 0.429 * spostAH[10] - 0.562 * spostAH[11]
          + 0.7 * spostAH[12] + 0.87 * spostAH[13] + 0.098 * spostAH[14] + 0.001 * spostAH[15]
          + 0.186;
      // SpreA,O2
      double zo2 = -0.523 * spostAH[0] + 0.837 * spostAH[1] + 0.637 * spostAH[2]
          - 0.838 * spostAH[3] + 0.827 * spostAH[4] - 0.635 * spostAH[5] + 0.246 * spostAH[6]
          - 0.296 * spostAH[7] + 0.086 * spostAH[8] - 0.456 * spostAH[9] - 0.939 * spostAH[10]
          + 0.396 * spostAH[11] + 0.352 * spostAH[12] + 0.565 * spostAH[13] - 0.477 * spostAH[14]
          + 0.435 * spostAH[15] + 0.483;
      // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
      // overflow
      double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
      double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
      double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
      double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
      double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
      double o0 = e0 / sum; // SpostA,O0
      double o1 = e1 / sum; // SpostA,O1
      double o2 = e2 / sum; // SpostA,O2
      output[0] = o0;
      output[1] = o1;
      output[2] = o2;
    }

    /**
     * Forward, hidden layer (tanh), looped: SpreA,H = ItoH · input + bias and SpostA,H =
     * fA(SpreA,H) for all 16 nodes. The weights are kept one row per node of the input layer
     * (wItoH[i]), so the sum goes row by row, each row adding weight × input to the SpreA of every
     * node: a loop that the JIT turns into vector code.
     */
    private void forwardH(double[] input) {
      for (int j = 0; j < HIDDEN; j++) {
        spostAH[j] = 0.0; // SpreA,H accumulates here until fA makes it SpostA,H
      }
      // SpreA,H += weight I_i→H × input_i, 4 rows of wItoH per pass
      for (int i = 0; i < INPUTS - INPUTS % 4; i += 4) {
        double[] w0 = wItoH[i];
        double[] w1 = wItoH[i + 1];
        double[] w2 = wItoH[i + 2];
        double[] w3 = wItoH[i + 3];
        double a0 = input[i];
        double a1 = input[i + 1];
        double a2 = input[i + 2];
        double a3 = input[i + 3];
        for (int j = 0; j < HIDDEN; j++) {
          spostAH[j] = spostAH[j] + w0[j] * a0 + w1[j] * a1 + w2[j] * a2 + w3[j] * a3;
        }
      }
      // The rows left over
      for (int i = INPUTS - INPUTS % 4; i < INPUTS; i++) {
        double[] w = wItoH[i];
        double a = input[i];
        for (int j = 0; j < HIDDEN; j++) {
          spostAH[j] = spostAH[j] + w[j] * a;
        }
      }
      for (int j = 0; j < HIDDEN; j++) {
        // SpostA,H = fA(SpreA,H), SpreA,H = Σ weight × input + bias
        spostAH[j] = Math.tanh(spostAH[j] + bH[j]);
      }
    }
  }
}
