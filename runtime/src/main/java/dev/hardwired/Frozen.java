package dev.hardwired;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Freezes a trained network into an inference-only class. Placed beside {@link Network} on the same type,
 * it makes the annotation processor write, in the same package and beside {@code <AnnotatedName>Network},
 * a class {@code <AnnotatedName>Frozen} whose forward pass is written out for the declared topology with
 * the parameters of a weights file, or of an ONNX model trained elsewhere, as constants.
 *
 * <pre>{@code
 * @Network(inputs = 2, hidden = 2, outputs = 1)
 * @Frozen(weights = "xor.weights")      // src/main/resources/<package path>/xor.weights
 * interface Xor {}
 *
 * double[] y = XorFrozen.predict(new double[] {1, 0});
 * }</pre>
 *
 * <p>The frozen class needs nothing but the JDK at run time (not this runtime, nor the annotated type), is
 * immutable and so safe to share between threads, and gives bit for bit the outputs of the trainable class
 * with the same parameters. The file is read when the code is compiled, never at run time; it must match
 * the declaration (layers, activations, loss and precision; for an ONNX model, which holds no loss, layers,
 * activations and precision), or compilation fails with an error on {@link #weights}. See {@code
 * docs/frozen.md} and {@code docs/interop.md}.
 *
 * <p><b>Threads.</b> Any number of threads may call the frozen class's {@code predict} at once: the values of
 * looped layers go through a scratch of each thread's own, never through shared state.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Frozen {

  /**
   * The weights file (as {@code dev.hardwired.io.WeightsFile} writes it) or ONNX model (a fully connected
   * network, as {@code dev.hardwired.io.Onnx} reads it; told apart by its contents), as a resource name: relative to
   * the package of the annotated type ({@code "xor.weights"}, {@code "trained/xor.weights"}), or, with a
   * leading {@code /}, to the root of the resources ({@code "/models/xor.weights"}), as {@link
   * Class#getResource} reads names. Names are separated by {@code /}; {@code .} and {@code ..} segments are
   * refused, so the name cannot leave the project's source and resource roots. The processor looks for it in
   * the class output first (where Maven copies {@code src/main/resources} before compiling), then on the
   * source path, then on the class path.
   */
  String weights();

  /**
   * Simple name of the generated class. By default {@code <AnnotatedName>Frozen}; a nested type {@code
   * Outer.Inner} gives {@code Outer_InnerFrozen}.
   */
  String name() default "";
}
