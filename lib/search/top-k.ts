/**
 * Keeps the k best (score, slot) pairs seen so far in a min-heap, so a scan over n candidates costs
 * O(n log k) instead of sorting all n scores.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly slots: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count === this.capacity;
  }

  /** Score a candidate must beat to enter; -Infinity until the heap is full. */
  get threshold(): number {
    return this.isFull ? this.scores[0] : -Infinity;
  }

  push(score: number, slot: number): void {
    if (this.capacity === 0) return;
    if (!this.isFull) {
      this.siftUp(this.count++, score, slot);
      return;
    }
    if (score <= this.scores[0]) return;
    this.siftDown(0, score, slot);
  }

  /** Pairs best first. */
  sorted(): { score: number; slot: number }[] {
    const pairs = [];
    for (let i = 0; i < this.count; i++) pairs.push({ score: this.scores[i], slot: this.slots[i] });
    return pairs.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  private siftUp(index: number, score: number, slot: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent] <= score) break;
      this.scores[i] = this.scores[parent];
      this.slots[i] = this.slots[parent];
      i = parent;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
  }

  private siftDown(index: number, score: number, slot: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && this.scores[right] < this.scores[left] ? right : left;
      if (this.scores[child] >= score) break;
      this.scores[i] = this.scores[child];
      this.slots[i] = this.slots[child];
      i = child;
    }
    this.scores[i] = score;
    this.slots[i] = slot;
  }
}
