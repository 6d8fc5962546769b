/** What became of the button at closure, and the device state that follows. */
export const DEVICE_RETURNS = ['returned', 'lost', 'stolen', 'not_issued'] as const;
export type DeviceReturn = (typeof DEVICE_RETURNS)[number];

export const DEVICE_STATE_AFTER: Record<DeviceReturn, 'returned' | 'lost' | 'stolen'> = {
  returned: 'returned',
  lost: 'lost',
  stolen: 'stolen',
  // no device was with the case: nothing changes state
  not_issued: 'returned',
};

/** The scale of "Gefaseerd samenwerken aan veiligheid": 0 acute danger … 7+ stable safety for the household. */
export const SAFETY_SCALE = ['0', '6', '7', '7+'] as const;
