package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import java.util.Arrays;
import org.encog.engine.network.activation.ActivationFunction;
import org.encog.engine.network.activation.ActivationLinear;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.engine.network.activation.ActivationTANH;
import org.encog.ml.data.MLDataSet;
import org.encog.ml.data.basic.BasicMLData;
import org.encog.ml.data.basic.BasicMLDataPair;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.error.CrossEntropyErrorFunction;
import org.encog.neural.error.ErrorFunction;
import org.encog.neural.error.LinearErrorFunction;
import org.encog.neural.flat.FlatNetwork;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.GradientWorker;
import org.encog.neural.networks.training.propagation.back.Backpropagation;

/**
 * The same network in Encog 3.4, the peer: a {@link BasicNetwork} with the same layer sizes, activations
 * ({@link ActivationSigmoid}, {@link ActivationTANH}, {@link ActivationSoftMax}) and biases, and weights
 * copied from a Hardwired parameter array.
 *
 * <p>Training is Encog's {@link Backpropagation} with momentum 0 and its flat-spot fix off (by default Encog
 * adds 0.1 to the logistic derivative, which would change the mathematics). The output delta comes from
 * Encog's {@link LinearErrorFunction}, (t − y) × fA′(y), for squared error, and from its {@link
 * CrossEntropyErrorFunction}, t − y, for softmax cross-entropy: Hardwired's error signals with the sign
 * turned, as Encog adds LR × gradient where Hardwired subtracts it. What Encog reports as the error is its
 * mean squared error, whatever the loss.
 *
 * <p>Encog 3.4, the latest release on Maven Central, takes each hidden delta's derivative from the wrong
 * layer: {@code GradientWorker.processLevel} asks the activation of the layer <em>after</em> the hidden one
 * (encog-java-core issue 243, reported in May 2017 and acknowledged by the maintainer after 3.4 came out).
 * That changes nothing when every layer has the same activation, as in every benchmarked network (all
 * logistic), but for tanh into softmax Encog would use the softmax's "derivative", 1, instead of 1 − a²: a
 * wrong gradient, for the same work. {@link #withIssue243Worked} builds a peer that gives each layer the
 * derivative it should have, so that {@link Parity} can show for such a network that this is the only
 * difference.
 *
 * <p>Two ways to take one SGD step on one sample:
 *
 * <ul>
 *   <li>{@link #train(int)}, the cheapest: what {@code Propagation.iteration()} does for each sample in
 *       online training (batch size 1): {@code GradientWorker.run(i)} (forward pass, error, output and
 *       hidden deltas, gradients reported to the trainer) and then {@code learn()} (every weight += LR ×
 *       gradient + momentum × last delta, gradients cleared). It leaves out the bookkeeping that Encog does
 *       once per pass over the training set (strategies, error calculation, a log message).
 *   <li>{@link #trainByIteration}: one {@code Backpropagation.iteration()} on a one-sample training set with
 *       batch size 1 and one thread, as a caller of Encog's public training API would take a single step;
 *       the bookkeeping is then paid on every step.
 * </ul>
 *
 * <p>Prediction is {@link BasicNetwork#compute(double[], double[])}, which wraps the input in a copy and the
 * output in a new array around {@link FlatNetwork#compute(double[], double[])}; {@link #predictFlat} calls
 * the latter directly, allocating nothing. Neither checks its input for length or NaN, as Hardwired does.
 */
final class EncogPeer {
  private final Topology topology;
  private final BasicNetwork network;
  private final FlatNetwork flat;
  private final OnlineStep online;
  private final Backpropagation iteration;
  private final BasicMLDataPair iterationSample;

  EncogPeer(Topology topology, double[] parameters, Samples samples, double learningRate) {
    this(topology, parameters, samples, learningRate, false);
  }

  /** A peer whose hidden deltas use the right derivative, which Encog 3.4's do not (issue 243). */
  static EncogPeer withIssue243Worked(
      Topology topology, double[] parameters, Samples samples, double learningRate) {
    return new EncogPeer(topology, parameters, samples, learningRate, true);
  }

  private EncogPeer(
      Topology topology, double[] parameters, Samples samples, double learningRate, boolean work243) {
    Activation output = topology.activation(topology.layerCount());
    if (!(topology.loss() == Loss.SQUARED_ERROR && output != Activation.SOFTMAX
        || topology.loss() == Loss.SOFTMAX_CROSS_ENTROPY)) {
      throw new IllegalArgumentException("no Encog error function gives Hardwired's gradient for " + topology);
    }
    if (work243 && topology.loss() != Loss.SOFTMAX_CROSS_ENTROPY) {
      // LinearErrorFunction would take the output derivative from the shifted activation.
      throw new IllegalArgumentException("the issue-243 work-around here needs a cross-entropy loss");
    }
    this.topology = topology;
    this.network = new BasicNetwork();
    int layers = topology.layerCount();
    for (int l = 0; l <= layers; l++) {
      ActivationFunction activation = null;
      if (l > 0) {
        activation = activation(topology.activation(l));
        if (work243) {
          ActivationFunction before = l == 1 ? new ActivationLinear() : activation(topology.activation(l - 1));
          activation = new DerivativeOfLayerBefore(activation, before);
        }
      }
      // Every layer but the output one has a bias neuron feeding the next layer, as Hardwired's layers do.
      network.addLayer(new BasicLayer(activation, l < layers, topology.size(l)));
    }
    network.getStructure().finalizeStructure();
    this.flat = network.getFlat();
    if (network.getFlat().getWeights().length != topology.parameterCount()) {
      throw new IllegalStateException("Encog has " + network.getFlat().getWeights().length
          + " weights for " + topology + ", Hardwired " + topology.parameterCount());
    }
    copyWeights(parameters);

    ErrorFunction outputDelta = topology.loss() == Loss.SOFTMAX_CROSS_ENTROPY
        ? new CrossEntropyErrorFunction()
        : new LinearErrorFunction();
    BasicMLDataSet all = new BasicMLDataSet(samples.inputs, samples.targets);
    this.online = new OnlineStep(network, all, learningRate, outputDelta);

    this.iterationSample = new BasicMLDataPair(
        new BasicMLData(samples.inputs[0].clone()), new BasicMLData(samples.targets[0].clone()));
    BasicMLDataSet one = new BasicMLDataSet();
    one.add(iterationSample);
    this.iteration = new Backpropagation(network, one, learningRate, 0.0);
    iteration.fixFlatSpot(false);
    iteration.setBatchSize(1);
    iteration.setThreadCount(1);
    iteration.setErrorFunction(outputDelta);
  }

  private static ActivationFunction activation(Activation activation) {
    switch (activation) {
      case LOGISTIC:
        return new ActivationSigmoid();
      case TANH:
        return new ActivationTANH();
      case SOFTMAX:
        return new ActivationSoftMax();
      default:
        throw new IllegalArgumentException("no Encog peer for " + activation + " here");
    }
  }

  /**
   * Copies Hardwired's flat parameters (per layer: weight into neuron j from node i at {@code weightOffset +
   * j × fanIn + i}, then the biases) into Encog's weights, where a bias is the weight from the extra bias
   * neuron {@code fanIn} of the layer before.
   */
  void setParameters(double[] parameters) {
    copyWeights(parameters);
    // Momentum is 0, but a last delta left over must not matter either.
    Arrays.fill(online.getLastDelta(), 0.0);
    Arrays.fill(iteration.getLastDelta(), 0.0);
  }

  private void copyWeights(double[] parameters) {
    for (int l = 1; l <= topology.layerCount(); l++) {
      int fanIn = topology.size(l - 1);
      for (int j = 0; j < topology.size(l); j++) {
        for (int i = 0; i < fanIn; i++) {
          network.setWeight(l - 1, i, j, parameters[topology.weightOffset(l) + j * fanIn + i]);
        }
        network.setWeight(l - 1, fanIn, j, parameters[topology.biasOffset(l) + j]);
      }
    }
  }

  /** Encog's weights in Hardwired's parameter order. */
  double[] parameters() {
    double[] parameters = new double[topology.parameterCount()];
    for (int l = 1; l <= topology.layerCount(); l++) {
      int fanIn = topology.size(l - 1);
      for (int j = 0; j < topology.size(l); j++) {
        for (int i = 0; i < fanIn; i++) {
          parameters[topology.weightOffset(l) + j * fanIn + i] = network.getWeight(l - 1, i, j);
        }
        parameters[topology.biasOffset(l) + j] = network.getWeight(l - 1, fanIn, j);
      }
    }
    return parameters;
  }

  void predict(double[] input, double[] output) {
    network.compute(input, output);
  }

  void predictFlat(double[] input, double[] output) {
    flat.compute(input, output);
  }

  /** One SGD step on sample {@code sample} of the set given at construction; returns the first output. */
  double train(int sample) {
    return online.step(sample);
  }

  /** One SGD step through {@code Backpropagation.iteration()}; returns Encog's error (MSE) before it. */
  double trainByIteration(double[] input, double[] target) {
    // The training set's one pair now refers to these arrays: nothing is copied.
    iterationSample.setInputArray(input);
    iterationSample.setIdealArray(target);
    iteration.iteration();
    return iteration.getError();
  }

  /** Encog's per-sample online step, without the per-pass bookkeeping of {@code iteration()}. */
  private static final class OnlineStep extends Backpropagation {
    private final GradientWorker worker;
    private final double[] outputs;

    OnlineStep(BasicNetwork network, MLDataSet samples, double learningRate, ErrorFunction outputDelta) {
      super(network, samples, learningRate, 0.0);
      FlatNetwork flat = network.getFlat();
      // As Propagation builds its one worker for batch size 1, with no flat-spot constants.
      this.worker = new GradientWorker(flat, this, samples, 0, (int) samples.getRecordCount() - 1,
          new double[flat.getActivationFunctions().length], outputDelta);
      this.outputs = flat.getLayerOutput();
    }

    double step(int sample) {
      worker.run(sample);
      learn();
      return outputs[0];
    }
  }

  /**
   * A layer's activation whose derivative is that of the layer before it, the one that Encog 3.4's {@code
   * GradientWorker.processLevel} needs when it asks this layer's (issue 243). Only for {@link Parity}.
   */
  private static final class DerivativeOfLayerBefore implements ActivationFunction {
    private static final long serialVersionUID = 1L;
    private final ActivationFunction own;
    private final ActivationFunction before;

    DerivativeOfLayerBefore(ActivationFunction own, ActivationFunction before) {
      this.own = own;
      this.before = before;
    }

    @Override
    public void activationFunction(double[] x, int start, int size) {
      own.activationFunction(x, start, size);
    }

    @Override
    public double derivativeFunction(double b, double a) {
      return before.derivativeFunction(b, a);
    }

    @Override
    public boolean hasDerivative() {
      return true;
    }

    @Override
    public double[] getParams() {
      return own.getParams();
    }

    @Override
    public void setParam(int index, double value) {
      own.setParam(index, value);
    }

    @Override
    public String[] getParamNames() {
      return own.getParamNames();
    }

    @Override
    public ActivationFunction clone() {
      return new DerivativeOfLayerBefore(own.clone(), before.clone());
    }

    @Override
    public String getFactoryCode() {
      return own.getFactoryCode();
    }

    @Override
    public String getLabel() {
      return own.getLabel();
    }
  }
}
