// Names for the numbers a List Identity reply carries, for the endpoint page. Only the few the demo
// and the plants we know use: an unknown number reads "vendor 283" rather than a guess, and the
// number is what a vendor's support asks for anyway.
const VENDORS: Readonly<Record<number, string>> = {
  1: 'Rockwell Automation/Allen-Bradley',
  5: 'Rockwell Automation/Reliance Electric',
  47: 'OMRON',
};

// CIP Vol. 1, the device profiles most often met on a plant floor.
const DEVICE_TYPES: Readonly<Record<number, string>> = {
  0: 'generic device',
  2: 'AC drive',
  12: 'communications adapter',
  14: 'programmable logic controller',
  43: 'generic device (keyable)',
};

export const vendorName = (id: number): string => VENDORS[id] ?? `vendor ${id}`;

export const deviceTypeName = (type: number): string => DEVICE_TYPES[type] ?? `device type ${type}`;
