// The notification channels read their secrets with the config's secret reader (one rule for every
// secret in the file: notifications and the OPC UA probe's passwords).
export { createSecretReader, describeSecretRef, type SecretReader } from '../config';
