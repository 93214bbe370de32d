/**
 * The fixed-point scale of each indicator a hospital attests. Attestation happens before any
 * study exists, so the scale is a property of the code, shared by attesters and studies
 * (research-protocol.md: "The scale is part of the study"; a study must use these).
 * One decimal where clinicians record one (temperature, weight, BMI), none for counts and mmHg.
 */
export const INDICATOR_DECIMALS: Readonly<Record<string, number>> = {
  '8480-6': 0, // systolic blood pressure, mm[Hg]
  '8462-4': 0, // diastolic blood pressure, mm[Hg]
  '8867-4': 0, // heart rate, /min
  '9279-1': 0, // respiratory rate, /min
  '8310-5': 1, // body temperature, Cel
  '8331-1': 1, // oral temperature, Cel
  '29463-7': 1, // body weight, kg
  '8302-2': 1, // body height, cm
  '39156-5': 1, // body mass index, kg/m2
  '59408-5': 1, // oxygen saturation (pulse oximetry), %
  '2708-6': 1, // oxygen saturation in arterial blood, %
  '72514-3': 0, // pain severity, 0-10 score
  '2339-0': 1, // glucose, mg/dL
  '2345-7': 1, // glucose in serum or plasma, mg/dL
  '4548-4': 1, // hemoglobin A1c, %
  '2093-3': 1, // total cholesterol, mg/dL
  '2085-9': 1, // HDL cholesterol, mg/dL
  '18262-6': 1, // LDL cholesterol, mg/dL
  '2571-8': 1, // triglycerides, mg/dL
  '38483-4': 1, // creatinine, mg/dL
  '6299-2': 1, // urea nitrogen, mg/dL
  '2947-0': 1, // sodium, mmol/L
  '6298-4': 1, // potassium, mmol/L
  '2069-3': 1, // chloride, mmol/L
  '20565-8': 1, // carbon dioxide, mmol/L
  '49765-1': 1, // calcium, mg/dL
}

/** Scale used for a code missing from {@link INDICATOR_DECIMALS}. */
export const DEFAULT_DECIMALS = 2

/** The number of decimals a code is attested with. */
export function decimalsOf(code: string): number {
  return INDICATOR_DECIMALS[code] ?? DEFAULT_DECIMALS
}
