package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The network trained in PyTorch, frozen from its ONNX export, scores PyTorch's held-out flowers as PyTorch did. */
class PyTorchIrisExampleTest {
  @Test
  void theFrozenClassGivesPyTorchsProbabilities() {
    String line = PyTorchIrisExample.run();
    assertTrue(line.endsWith(" on 30 of 30 held-out flowers, the same species on 30 of 30; 100.0% right"), line);
  }
}
