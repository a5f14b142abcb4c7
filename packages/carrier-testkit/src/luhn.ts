/**
 * Luhn (mod 10) check digits, as ICCIDs and IMEIs carry them. Shared by the suite (to make
 * well-formed unknown ICCIDs) and the reference simulator (to issue valid ones).
 */
export function luhnCheckDigit(body: string): string {
  let sum = 0
  for (let index = 0; index < body.length; index++) {
    // Counting from the right of the body, every first digit is doubled (the check digit comes after it).
    let digit = Number(body[body.length - 1 - index])
    if (index % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return String((10 - (sum % 10)) % 10)
}

export function hasValidLuhn(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1)
}
