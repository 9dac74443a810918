export { captureLog, describeError, log, LOG_LEVELS, setLogLevel, type LogFields, type LogLevel, type LogSink } from './logger.ts';
