/**
 * The generic, loop-based {@link dev.hardwired.reference.ReferenceNetwork}: the oracle that generated networks
 * are tested against and the baseline for benchmarks.
 */
package dev.hardwired.reference;
