/**
 * A binary min-heap of node ids with their keys stored beside them (so sifting touches two
 * small, hot arrays rather than a key scattered somewhere in a large table). Each node's
 * position is kept in the caller's record for that node (`records[node * stride + field]`), a
 * cache line the caller is touching anyway, so a key can decrease in place. All typed arrays,
 * allocated once per solve: the searches run hundreds of thousands of times.
 *
 * @example
 * const heap = new IndexedHeap(3, new Int32Array(3), 1, 0);
 * heap.push(2, 5);
 * heap.push(0, 1);
 * heap.pop(); // 0
 */
export class IndexedHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  private size = 0;

  /** `records[node * stride + field]` holds the node's position while it is in the heap. */
  constructor(
    capacity: number,
    private readonly records: Int32Array,
    private readonly stride: number,
    private readonly field: number,
  ) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The smallest key; only meaningful when the heap is not empty. */
  get minKey(): number {
    return this.keys[0]!;
  }

  push(node: number, key: number): void {
    this.siftUp(this.size++, node, key);
  }

  /** Lowers the key of a node already in the heap. */
  decrease(node: number, key: number): void {
    this.siftUp(this.records[node * this.stride + this.field]!, node, key);
  }

  pop(): number {
    const top = this.nodes[0]!;
    const size = --this.size;
    if (size > 0) this.siftDown(this.nodes[size]!, this.keys[size]!);
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  private siftUp(from: number, node: number, key: number): void {
    const { nodes, keys, records, stride, field } = this;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      nodes[i] = nodes[parent]!;
      keys[i] = keys[parent]!;
      records[nodes[i]! * stride + field] = i;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
    records[node * stride + field] = i;
  }

  /** Places `node` (taken from the end) at the root and sinks it. */
  private siftDown(node: number, key: number): void {
    const { nodes, keys, records, stride, field, size } = this;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      nodes[i] = nodes[child]!;
      keys[i] = keys[child]!;
      records[nodes[i]! * stride + field] = i;
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    records[node * stride + field] = i;
  }
}
