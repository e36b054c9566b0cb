// Placeholder: the start-up/latency benchmark is written separately.
console.log('bench: not yet');
