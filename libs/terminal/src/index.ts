export * from './progressBar';
