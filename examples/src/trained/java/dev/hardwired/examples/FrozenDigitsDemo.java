package dev.hardwired.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A program that uses the frozen digits network and nothing else but the JDK: it reads one digit per line
 * from standard input (64 scaled pixels, comma-separated) and prints, per line, the predicted digit and
 * the bits of the ten outputs in hexadecimal, so that a caller can compare them exactly. Its first line is
 * its class path.
 */
public final class FrozenDigitsDemo {
  private FrozenDigitsDemo() {}

  public static void main(String[] args) throws IOException {
    System.out.println("class path: " + System.getProperty("java.class.path"));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    double[] input = new double[DigitsFrozen.INPUTS];
    double[] output = new double[DigitsFrozen.OUTPUTS];
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] fields = line.split(",");
      for (int i = 0; i < input.length; i++) {
        input[i] = Double.parseDouble(fields[i]);
      }
      DigitsFrozen.predict(input, output);
      int digit = 0;
      StringBuilder bits = new StringBuilder();
      for (int k = 0; k < output.length; k++) {
        if (output[k] > output[digit]) {
          digit = k;
        }
        bits.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(output[k])));
      }
      System.out.println(digit + bits.toString());
    }
  }
}
