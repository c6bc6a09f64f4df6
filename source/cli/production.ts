// Imported first by cli.tsx: React reads NODE_ENV when it loads, and its
// development build roughly doubles render cost.
process.env['NODE_ENV'] ??= 'production';
