package dev.hardwired.processor.read;

import java.util.Locale;

/**
 * Every diagnostic the processor reports, in one place. Each message starts with a stable tag, {@code
 * [hardwired.<tag>]}, that tests and users can search for; the rest of the text may improve.
 */
public enum Message {
  NOT_ABSTRACT_TYPE(
      "kind",
      "@Network goes on an interface or an abstract class, which the generated class implements or extends;"
          + " %s is %s"),
  PRIVATE("private", "@Network type %s must not be private: the generated class in the same package must reach it"),
  INNER_CLASS(
      "inner",
      "@Network type %s is an inner class; make it static so that the generated class can extend it"),
  GENERIC("generic", "@Network type %s must not be generic: a network's types are fixed"),
  NO_CONSTRUCTOR(
      "constructor",
      "@Network abstract class %s needs a constructor without parameters that the generated class can call:"
          + " not private, and throwing no checked exception"),
  ABSTRACT_METHOD(
      "abstract-method",
      "@Network type %s has abstract method %s, which the generated class cannot implement: it implements"
          + " only the methods of TrainableNetwork (TrainableFloatNetwork in float) and toString; give this one a"
          + " body (a default method in an interface)"),
  FINAL_METHOD(
      "final-method",
      "@Network abstract class %s has final method %s, which the generated class must override"),
  MEMBER_CLASH(
      "member-clash",
      "@Network type %s has method %s, which the generated class's %s cannot stand beside: %s; rename or remove"
          + " it"),
  SEALED(
      "sealed",
      "@Network type %s is sealed and does not permit the generated class %s; add it to the permits clause, or"
          + " make the type non-sealed"),
  SIZE_NOT_POSITIVE("size", "%s = %d: every layer needs at least one node"),
  ACTIVATION_COUNT(
      "activation-count",
      "activation has %d values for %d hidden layers; give one value for all hidden layers or one per hidden"
          + " layer"),
  SOFTMAX_HIDDEN(
      "softmax-hidden",
      "SOFTMAX is for the output layer only (it normalises a whole layer into probabilities); %s needs an"
          + " elementwise activation such as LOGISTIC, TANH or RELU"),
  STEP_HIDDEN(
      "step-hidden",
      "STEP is not differentiable, so backpropagation cannot pass an error back through it; %s needs a"
          + " differentiable activation such as LOGISTIC, TANH or RELU (STEP is the perceptron's output:"
          + " hidden = {}, outputActivation = STEP, loss = PERCEPTRON)"),
  STEP_NEEDS_PERCEPTRON(
      "step-loss",
      "a STEP output has no derivative, so %s cannot be minimised by backpropagation through it; use loss ="
          + " PERCEPTRON, which trains it by the perceptron rule w ← w + η (t − y) x"),
  STEP_WITH_HIDDEN(
      "step-hidden-layers",
      "a STEP output cannot have hidden layers before it: the perceptron rule trains a single layer, and"
          + " backpropagation cannot pass through a step; use hidden = {}, or a differentiable output"
          + " activation"),
  SOFTMAX_ONE_OUTPUT(
      "softmax-one-output",
      "a SOFTMAX output layer needs at least 2 outputs: the softmax of one value is always 1, so nothing could"
          + " be learned; for one yes/no output use outputActivation = LOGISTIC with loss = CROSS_ENTROPY"),
  SOFTMAX_NEEDS_CROSS_ENTROPY(
      "softmax-loss",
      "a SOFTMAX output needs loss = SOFTMAX_CROSS_ENTROPY, with which the error signal is simply y − t; got %s"),
  LOSS_NEEDS_OUTPUT(
      "loss-output", "loss = %s needs outputActivation = %s, got %s"),
  INVALID_NAME("name", "name = \"%s\" is not a valid Java class name"),
  NAME_CLASH("name-clash", "the generated class %s would clash with an existing type; choose another name ="),
  TOO_LARGE(
      "too-large",
      "a %s network has %,d parameters; at most %,d fit in the one Java array that getParameters, gradients"
          + " and weights files hold them in"),
  TOO_DEEP(
      "too-deep",
      "%,d hidden layers; at most %,d are supported, because every layer adds its own fields and methods to the"
          + " generated class, whose constant pool holds at most 65,535 entries"),
  FROZEN_WITHOUT_NETWORK(
      "frozen-network",
      "@Frozen goes beside @Network on the same type: the declaration says which network the weights file"
          + " holds; %s has no @Network"),
  WEIGHTS_PATH(
      "weights-path",
      "weights = \"%s\": %s; give a resource name relative to the package of the annotated type"
          + " (\"xor.weights\") or, with a leading /, to the resource root (\"/models/xor.weights\"), of plain"
          + " names separated by /"),
  WEIGHTS_OUTSIDE(
      "weights-path",
      "weights = \"%s\": %s is a link to %s, outside the root it was found in (%s); the processor reads only"
          + " files inside the project's source and resource roots"),
  WEIGHTS_MISSING(
      "weights-missing",
      "weights = \"%s\": no file %s in the class output (where Maven copies src/main/resources before"
          + " compiling), the source path or the class path; in a Maven project put it at"
          + " src/main/resources/%s"),
  WEIGHTS_UNREADABLE("weights-file", "weights = \"%s\": %s"),
  WEIGHTS_MISMATCH(
      "weights-mismatch",
      "weights = \"%s\" holds the parameters of another network than this declaration: %s"),
  FROZEN_TOO_LARGE(
      "frozen-too-large",
      "a frozen %s network has %,d parameters; at most %,d fit as constants in one class file (about %,d MB"
          + " of it); load a weights file at run time into the trainable class instead"),
  OPTION("option", "-A%s=%s: expected a whole number from 0 to %d"),
  FLAG_OPTION("option", "-A%s=%s: expected true, false, or no value (which means true)"),
  WRITE_FAILED("write", "could not write the generated class for %s: %s"),
  UNEXPECTED(
      "internal",
      "could not generate a network for %s: %s. This is a bug in the processor; please report it with the"
          + " declaration");

  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The stable tag, for example {@code hardwired.size}. */
  public String tag() {
    return "hardwired." + tag;
  }

  /** The full text with its tag. */
  public String format(Object... args) {
    return "[" + tag() + "] " + String.format(Locale.ROOT, format, args);
  }
}
