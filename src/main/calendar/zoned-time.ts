export * from '../../shared/time/zoned-time';
