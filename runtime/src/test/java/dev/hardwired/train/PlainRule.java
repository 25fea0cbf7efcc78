package dev.hardwired.train;

/**
 * The published update equations written out plainly, over one flat array, sharing nothing with the
 * main code: the oracle the optimizers are tested against. Each step allocates and takes several passes,
 * exactly as the equations read.
 */
final class PlainRule {
  enum Kind {
    SGD,
    ADAM,
    RMSPROP
  }

  private final Kind kind;
  // SGD
  private double momentum;
  private boolean nesterov;
  // Adam
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double decoupled;
  // RMSprop
  private double rho = 0.9;
  // Adam and RMSprop
  private double epsilon = 1e-8;
  // all
  private double l2;
  private double maxNorm = Double.POSITIVE_INFINITY;

  final double[] w;
  private final double[] buf;
  private final double[] m;
  private final double[] v;
  private int t;
  private double beta1Power = 1.0;
  private double beta2Power = 1.0;
  int clippedSteps;

  private PlainRule(Kind kind, double[] w) {
    this.kind = kind;
    this.w = w.clone();
    this.buf = new double[w.length];
    this.m = new double[w.length];
    this.v = new double[w.length];
  }

  static PlainRule sgd(double[] w, double momentum, boolean nesterov) {
    PlainRule r = new PlainRule(Kind.SGD, w);
    r.momentum = momentum;
    r.nesterov = nesterov;
    return r;
  }

  static PlainRule adam(double[] w, double beta1, double beta2, double epsilon, double decoupled) {
    PlainRule r = new PlainRule(Kind.ADAM, w);
    r.beta1 = beta1;
    r.beta2 = beta2;
    r.epsilon = epsilon;
    r.decoupled = decoupled;
    return r;
  }

  static PlainRule rmsProp(double[] w, double rho, double epsilon) {
    PlainRule r = new PlainRule(Kind.RMSPROP, w);
    r.rho = rho;
    r.epsilon = epsilon;
    return r;
  }

  PlainRule l2(double l2) {
    this.l2 = l2;
    return this;
  }

  PlainRule maxNorm(double maxNorm) {
    this.maxNorm = maxNorm;
    return this;
  }

  /** One step from gradient sums over {@code batch} samples; leaves {@code sums} as it is. */
  void step(double[] sums, int batch, double lr) {
    int n = w.length;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = sums[i] / batch;
    }
    double squares = 0;
    for (int i = 0; i < n; i++) {
      squares += g[i] * g[i];
    }
    double norm = Math.sqrt(squares);
    if (norm > maxNorm) {
      clippedSteps++;
      for (int i = 0; i < n; i++) {
        g[i] = g[i] * maxNorm / norm;
      }
    }
    for (int i = 0; i < n; i++) {
      g[i] = g[i] + l2 * w[i];
    }
    t++;
    switch (kind) {
      case SGD:
        // torch.optim.SGD, dampening 0: buf = g on the first step, then buf = μ buf + g.
        for (int i = 0; i < n; i++) {
          if (momentum == 0) {
            w[i] = w[i] - lr * g[i];
            continue;
          }
          buf[i] = t == 1 ? g[i] : momentum * buf[i] + g[i];
          double d = nesterov ? g[i] + momentum * buf[i] : buf[i];
          w[i] = w[i] - lr * d;
        }
        break;
      case ADAM:
        // Kingma & Ba, Algorithm 1, with torch.optim.AdamW's decay of the parameters first.
        beta1Power *= beta1;
        beta2Power *= beta2;
        for (int i = 0; i < n; i++) {
          w[i] = w[i] - lr * decoupled * w[i];
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
          double mHat = m[i] / (1 - beta1Power);
          double vHat = v[i] / (1 - beta2Power);
          w[i] = w[i] - lr * mHat / (Math.sqrt(vHat) + epsilon);
        }
        break;
      case RMSPROP:
        for (int i = 0; i < n; i++) {
          v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
          w[i] = w[i] - lr * g[i] / (Math.sqrt(v[i]) + epsilon);
        }
        break;
      default:
        throw new AssertionError(kind);
    }
  }
}
