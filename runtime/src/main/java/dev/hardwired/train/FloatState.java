package dev.hardwired.train;

import dev.hardwired.Checks;

/** A rule's state over float arrays: the arrays it updates and its moments, one parallel to each. */
abstract class FloatState extends BoundState {
  final float[][] parameters;
  final float[][] gradientSums;
  // moments[n][k]: the rule's n-th moment of parameter array k.
  final float[][][] moments;
  private float[][][] saved;

  FloatState(float[][] parameters, float[][] gradientSums, int momentCount, double maxNorm) {
    super(maxNorm);
    if (parameters == null) {
      throw new IllegalArgumentException("parameters is null; expected a network's parameter arrays");
    }
    for (int k = 0; k < parameters.length; k++) {
      if (parameters[k] == null) {
        throw new IllegalArgumentException("parameters[" + k + "] is null; expected a parameter array");
      }
      for (int i = 0; i < parameters[k].length; i++) {
        if (!Float.isFinite(parameters[k][i])) {
          throw new IllegalArgumentException(
              "parameters[" + k + "][" + i + "] is " + parameters[k][i] + "; expected a finite number");
        }
      }
    }
    Checks.requireShape(gradientSums, parameters, "gradientSums");
    for (int k = 0; k < parameters.length; k++) {
      if (gradientSums[k] == parameters[k]) {
        throw new IllegalArgumentException(
            "gradientSums[" + k + "] is parameters[" + k + "] itself; expected a separate array");
      }
    }
    this.parameters = parameters.clone();
    this.gradientSums = gradientSums.clone();
    this.moments = new float[momentCount][parameters.length][];
    for (float[][] moment : moments) {
      for (int k = 0; k < parameters.length; k++) {
        moment[k] = new float[parameters[k].length];
      }
    }
  }

  @Override
  final double sumOfSquares(int from, int to) {
    double sum = 0.0;
    for (int k = from; k < to; k++) {
      float[] s = gradientSums[k];
      for (int i = 0; i < s.length; i++) {
        // In double, so that the norm of many float sums neither loses precision nor overflows.
        double x = s[i];
        sum += x * x;
      }
    }
    return sum;
  }

  @Override
  final int arrayCount() {
    return parameters.length;
  }

  @Override
  final int momentCount() {
    return moments.length;
  }

  @Override
  final double[] moment(int n, int[][] map, int count) {
    double[] values = new double[count];
    for (int k = 0; k < parameters.length; k++) {
      float[] m = moments[n][k];
      for (int j = 0; j < m.length; j++) {
        values[map[k][j]] = m[j];
      }
    }
    return values;
  }

  @Override
  final void setMoment(int n, int[][] map, double[] values) {
    for (int k = 0; k < parameters.length; k++) {
      float[] m = moments[n][k];
      for (int j = 0; j < m.length; j++) {
        m[j] = (float) values[map[k][j]];
      }
    }
  }

  @Override
  final void copyMoments(boolean save) {
    if (saved == null) {
      saved = new float[moments.length][parameters.length][];
      for (int n = 0; n < moments.length; n++) {
        for (int k = 0; k < parameters.length; k++) {
          saved[n][k] = new float[parameters[k].length];
        }
      }
    }
    for (int n = 0; n < moments.length; n++) {
      for (int k = 0; k < parameters.length; k++) {
        if (save) {
          System.arraycopy(moments[n][k], 0, saved[n][k], 0, parameters[k].length);
        } else {
          System.arraycopy(saved[n][k], 0, moments[n][k], 0, parameters[k].length);
        }
      }
    }
  }
}
