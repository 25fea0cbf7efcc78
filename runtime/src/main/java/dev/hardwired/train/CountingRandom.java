package dev.hardwired.train;

import java.util.Random;

/**
 * The trainer's shuffling generator: a {@link Random}, drawing exactly the numbers {@code new Random(seed)}
 * draws, that counts its draws, so that a checkpoint can record where it stands as two numbers, the seed and
 * the draws so far, and a resumed run can stand there again.
 *
 * <p>{@link Random} is the 48-bit linear congruential generator its documentation specifies: each draw
 * (each call of {@code next}) replaces the state s by (0x5DEECE66D × s + 0xB) mod 2⁴⁸. {@link #after}
 * advances a new generator by n draws in O(log n) steps, composing that map with itself by repeated
 * squaring, and sets the state it reaches.
 */
final class CountingRandom extends Random {
  // Random.readObject and writeObject are never used: Hardwired serialises nothing.
  private static final long serialVersionUID = 1L;

  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long INCREMENT = 0xBL;
  private static final long MASK = (1L << 48) - 1;

  private long draws;

  CountingRandom(long seed) {
    super(seed);
  }

  /** The generator of {@code seed} after {@code draws} draws. */
  static CountingRandom after(long seed, long draws) {
    if (draws < 0) {
      throw new IllegalArgumentException("draws is " + draws + "; expected at least 0");
    }
    CountingRandom random = new CountingRandom(seed);
    // The state of new Random(seed), then the map s → a s + c applied draws times: (a, c) composed by squaring.
    long state = (seed ^ MULTIPLIER) & MASK;
    long a = MULTIPLIER;
    long c = INCREMENT;
    for (long n = draws; n != 0; n >>>= 1) {
      if ((n & 1) != 0) {
        state = (a * state + c) & MASK;
      }
      // The map applied twice: s → a (a s + c) + c.
      c = (a * c + c) & MASK;
      a = (a * a) & MASK;
    }
    // setSeed scrambles its argument with the multiplier: this sets the state itself.
    random.setSeed(state ^ MULTIPLIER);
    random.draws = draws;
    return random;
  }

  /** The draws so far. */
  long draws() {
    return draws;
  }

  @Override
  protected int next(int bits) {
    draws++;
    return super.next(bits);
  }
}
