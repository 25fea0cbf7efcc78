/*
 * One network written out in C for exactly its sizes, the way a careful programmer would: logistic hidden and
 * output layers, summed squared error, weights stored input-major (row i holds the weights from input i into
 * every neuron of the next layer), so that the forward sums and the updates are the loops a compiler
 * vectorises. The yardstick for the generated classes' one-sample paths (`train`, one fused SGD step, and
 * `predict`); compare-c.sh builds it with gcc -O3 -march=native for each size of the benchmarks.
 *
 *   gcc -O3 -march=native -DNI=784 -DNH=128 -DNO=10 -o specialised specialised.c -lm
 *   ./specialised data.txt
 *
 * The data file, written by SpecialisedCData, holds the network's initial parameters in the canonical flat
 * order of Topology, the benchmark's samples, and what the generated class gives for them: the loss of each
 * step of one pass of training, and the predictions of the initial network. The program first checks that it
 * computes the same (to 1e-9: gcc contracts a·b + c into fused multiply-adds, Java does not), then times each
 * path over the samples in turn, as the JMH benchmark does, and prints the median of five rounds in ns.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_SAMPLES 64
#define PARAMETERS ((NI + 1) * NH + (NH + 1) * NO)

static double w1[NI][NH], b1[NH], w2[NH][NO], b2[NO];
static double h[NH], y[NO], dO[NO], dH[NH];
static double initial[PARAMETERS];
static double inputs[MAX_SAMPLES][NI], targets[MAX_SAMPLES][NO];
static double expectedLoss[MAX_SAMPLES], expectedOutput[MAX_SAMPLES][NO];
static int samples;

static inline double logistic(double z) { return 1.0 / (1.0 + exp(-z)); }

static void predict(const double *restrict x) {
  for (int j = 0; j < NH; j++) h[j] = b1[j];
  for (int i = 0; i < NI; i++) {
    double xi = x[i];
    for (int j = 0; j < NH; j++) h[j] += w1[i][j] * xi;
  }
  for (int j = 0; j < NH; j++) h[j] = logistic(h[j]);
  for (int k = 0; k < NO; k++) y[k] = b2[k];
  for (int j = 0; j < NH; j++) {
    double hj = h[j];
    for (int k = 0; k < NO; k++) y[k] += w2[j][k] * hj;
  }
  for (int k = 0; k < NO; k++) y[k] = logistic(y[k]);
}

/* One SGD step: forward, S_ERROR, the hidden deltas from the weights of the forward pass, then the updates. */
static double train(const double *restrict x, const double *restrict t, double rate) {
  predict(x);
  double loss = 0.0;
  for (int k = 0; k < NO; k++) {
    double fe = y[k] - t[k];
    loss += 0.5 * fe * fe;
    dO[k] = fe * y[k] * (1.0 - y[k]);
  }
  for (int j = 0; j < NH; j++) {
    double sum = 0.0;
    for (int k = 0; k < NO; k++) sum += w2[j][k] * dO[k];
    dH[j] = sum * h[j] * (1.0 - h[j]);
  }
  for (int j = 0; j < NH; j++) {
    double step = rate * h[j];
    for (int k = 0; k < NO; k++) w2[j][k] -= step * dO[k];
  }
  for (int k = 0; k < NO; k++) b2[k] -= rate * dO[k];
  for (int i = 0; i < NI; i++) {
    double step = rate * x[i];
    for (int j = 0; j < NH; j++) w1[i][j] -= step * dH[j];
  }
  for (int j = 0; j < NH; j++) b1[j] -= rate * dH[j];
  return loss;
}

/* From the canonical flat order (layer by layer, neuron by neuron, then the biases) into input-major rows. */
static void restore(void) {
  const double *p = initial;
  for (int j = 0; j < NH; j++)
    for (int i = 0; i < NI; i++) w1[i][j] = *p++;
  for (int j = 0; j < NH; j++) b1[j] = *p++;
  for (int k = 0; k < NO; k++)
    for (int j = 0; j < NH; j++) w2[j][k] = *p++;
  for (int k = 0; k < NO; k++) b2[k] = *p++;
}

static double next(FILE *in, const char *what) {
  char word[64];
  if (fscanf(in, "%63s", word) != 1) {
    fprintf(stderr, "the data file ends before %s\n", what);
    exit(2);
  }
  return strtod(word, NULL);
}

static void read_data(const char *path) {
  FILE *in = fopen(path, "r");
  if (!in) {
    perror(path);
    exit(2);
  }
  int ni = (int) next(in, "the sizes"), nh = (int) next(in, "the sizes"), no = (int) next(in, "the sizes");
  if (ni != NI || nh != NH || no != NO) {
    fprintf(stderr, "%s is for %d-%d-%d; this program was built for %d-%d-%d\n", path, ni, nh, no, NI, NH, NO);
    exit(2);
  }
  samples = (int) next(in, "the sample count");
  if (samples < 1 || samples > MAX_SAMPLES || (samples & (samples - 1)) != 0) {
    fprintf(stderr, "expected a power of two of samples up to %d, found %d\n", MAX_SAMPLES, samples);
    exit(2);
  }
  for (int p = 0; p < PARAMETERS; p++) initial[p] = next(in, "the parameters");
  for (int s = 0; s < samples; s++) {
    for (int i = 0; i < NI; i++) inputs[s][i] = next(in, "the inputs");
    for (int k = 0; k < NO; k++) targets[s][k] = next(in, "the targets");
  }
  for (int s = 0; s < samples; s++) expectedLoss[s] = next(in, "the losses");
  for (int s = 0; s < samples; s++)
    for (int k = 0; k < NO; k++) expectedOutput[s][k] = next(in, "the outputs");
  fclose(in);
}

static void check(double rate) {
  restore();
  for (int s = 0; s < samples; s++) {
    predict(inputs[s]);
    for (int k = 0; k < NO; k++) {
      if (fabs(y[k] - expectedOutput[s][k]) > 1e-9) {
        fprintf(stderr, "output %d of sample %d is %.17g; the generated class gives %.17g\n", k, s, y[k],
                expectedOutput[s][k]);
        exit(1);
      }
    }
  }
  for (int s = 0; s < samples; s++) {
    double loss = train(inputs[s], targets[s], rate);
    if (fabs(loss - expectedLoss[s]) > 1e-9 * fmax(1.0, fabs(expectedLoss[s]))) {
      fprintf(stderr, "step %d has loss %.17g; the generated class gives %.17g\n", s, loss, expectedLoss[s]);
      exit(1);
    }
  }
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static volatile double sink;

/* ns per operation over at least half a second: whole passes over the samples, as JMH's calls go. */
static double round_of(int training, double rate) {
  restore();
  long operations = 0;
  double sum = 0.0, start = now(), elapsed;
  do {
    for (int r = 0; r < 256; r++) {
      for (int s = 0; s < samples; s++) {
        if (training) {
          sum += train(inputs[s], targets[s], rate);
        } else {
          predict(inputs[s]);
          sum += y[0];
        }
      }
    }
    operations += 256L * samples;
    elapsed = now() - start;
  } while (elapsed < 0.5);
  sink = sum;
  return elapsed * 1e9 / operations;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double median_of_rounds(int training, double rate) {
  double rounds[5];
  round_of(training, rate); /* warm-up */
  for (int r = 0; r < 5; r++) rounds[r] = round_of(training, rate);
  qsort(rounds, 5, sizeof rounds[0], compare);
  return rounds[2];
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s data.txt\n", argv[0]);
    return 2;
  }
  const double rate = 0.1;
  read_data(argv[1]);
  check(rate);
  double trainNs = median_of_rounds(1, rate);
  double predictNs = median_of_rounds(0, rate);
  printf("%d-%d-%d\t%.1f\t%.1f\n", NI, NH, NO, trainNs, predictNs);
  return 0;
}
