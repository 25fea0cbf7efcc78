/**
 * Weights files: {@link dev.hardwired.io.WeightsFile} saves a network's parameters as versioned, checksummed
 * text, atomically, and loads them back bit for bit after checking the file against the network; {@link
 * dev.hardwired.io.Weights} is a file read without a network. The format is described line by line in
 * {@code docs/weights-file.md}.
 */
package dev.hardwired.io;
