package dev.hardwired;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a fixed multilayer perceptron. The annotation processor writes, in the same package, a class
 * (by default {@code <AnnotatedName>Network}) whose forward pass and backpropagation are written out for
 * exactly this topology.
 *
 * <pre>{@code
 * @Network(inputs = 2, hidden = 2, outputs = 1)   // logistic activations, squared error, plain SGD
 * interface Xor {}
 *
 * XorNetwork net = XorNetwork.seeded(42);
 * double loss = net.train(new double[] {1, 0}, new double[] {1}, 0.5);
 * double[] y = net.predict(new double[] {1, 0});
 * }</pre>
 *
 * <p>The annotated type must be an interface or an abstract class that is not private and, when nested,
 * static. The generated class implements or extends it, and implements {@link TrainableNetwork} (or, in
 * single precision, {@link TrainableFloatNetwork}).
 *
 * <p><b>Threads.</b> The generated class is mutable: an instance belongs to one thread at a time, and {@code
 * copy()} gives another thread one of its own that shares nothing with it. The frozen class of {@link Frozen}
 * is immutable and safe for any number of threads.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {

  /** Number of inputs: the size of the input layer. */
  int inputs();

  /**
   * Sizes of the hidden layers, from the input side: {@code {}} has no hidden layer (a single layer of
   * output neurons, as in linear or logistic regression), {@code {16, 8}} has two.
   */
  int[] hidden();

  /** Number of outputs: the size of the output layer. */
  int outputs();

  /**
   * Activation fA of the hidden layers: one value for all of them, or one per hidden layer. {@link
   * Activation#SOFTMAX} is for the output layer only.
   */
  Activation[] activation() default Activation.LOGISTIC;

  /** Activation fA of the output layer. */
  Activation outputActivation() default Activation.LOGISTIC;

  /** The loss that training minimises. */
  Loss loss() default Loss.SQUARED_ERROR;

  /**
   * The number type of the generated class: {@link Precision#DOUBLE} implements {@link TrainableNetwork},
   * {@link Precision#FLOAT} implements {@link TrainableFloatNetwork}, with {@code float} arithmetic and
   * {@code float[]} arrays throughout.
   */
  Precision precision() default Precision.DOUBLE;

  /**
   * Whether the generated class computes every function whose result the JVM may choose, {@code exp},
   * {@code tanh}, {@code log} and {@code log1p}, with {@link StrictMath} rather than {@link Math}: in the
   * forward pass, the losses, softmax, the activations, the batched and looped forms, and the {@link
   * Frozen} class made from this network. {@link Math} may use a faster implementation that differs in the
   * last bits from one JVM (version, vendor or CPU) to another; {@link StrictMath} gives the same bits
   * everywhere. The functions that are exact anyway ({@code max}, {@code abs}, {@code sqrt}) and every
   * {@code +}, {@code −}, {@code ×} and {@code ÷}, which Java rounds the same way on every JVM from Java 17 on,
   * are unaffected.
   *
   * <p>With {@code strictMath = true}, the same parameters and inputs give the same outputs, losses and
   * gradients, bit for bit, on every JVM; and training from the same seed gives the same parameters, bit
   * for bit, when the runtime's trainer makes the same calls in the same order (the same optimizer,
   * schedule, batches and thread count: with more than one thread the partial sums of a batch are added
   * in another order). Without it, that holds on one JVM (the same version, vendor and CPU features) but
   * not across JVMs: {@code Math.tanh}, for instance, gives other bits on JDK 25 than on JDK 17 for some
   * arguments. The cost is in each call of these functions: see the benchmarks.
   */
  boolean strictMath() default false;

  /**
   * Simple name of the generated class. By default {@code <AnnotatedName>Network}; a nested type {@code
   * Outer.Inner} gives {@code Outer_InnerNetwork}.
   */
  String name() default "";
}
