// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title GS1
/// @notice Checks of the GS1 keys and attributes the supply contracts take: GTIN (AI 01) and GLN
/// (AI 414) check digits, short alphanumeric values (serial AI 21, lot AI 10, UDI production
/// identifier), and the YYMMDD expiry date (AI 17).
/// @dev Short values are ASCII left-aligned in a bytes32 and at most 20 bytes long (the GS1 limit
/// for serials and lots), so the 12 low bytes must be zero: no room for free text.
library GS1 {
    uint64 private constant GTIN_LIMIT = 1e14;
    uint64 private constant GLN_LIMIT = 1e13;

    /// @notice Whether `gtin` is a GTIN-14 (GTIN-8/12/13 zero-padded on the left) with a valid check digit.
    function isValidGtin(uint64 gtin) internal pure returns (bool) {
        return gtin != 0 && gtin < GTIN_LIMIT && _checkDigitHolds(gtin);
    }

    /// @notice Whether `gln` is a 13-digit Global Location Number with a valid check digit.
    function isValidGln(uint64 gln) internal pure returns (bool) {
        return gln != 0 && gln < GLN_LIMIT && _checkDigitHolds(gln);
    }

    /// @notice Whether `value` is non-zero and fits 20 bytes (left-aligned, zero-padded).
    function isShortValue(bytes32 value) internal pure returns (bool) {
        return value != bytes32(0) && uint256(value) & type(uint96).max == 0;
    }

    /// @notice Whether `yymmdd` is a GS1 date: month 1-12, day 0-31 (0: the last day of the month).
    function isValidDate(uint32 yymmdd) internal pure returns (bool) {
        uint32 month = (yymmdd / 100) % 100;
        return yymmdd <= 991_231 && month >= 1 && month <= 12 && yymmdd % 100 <= 31;
    }

    /// @notice The unix time at which a product with expiry `yymmdd` expires: the end of that day
    /// (UTC), or of the month for day 00. Years are 2000 + YY.
    function expiresAt(uint32 yymmdd) internal pure returns (uint64) {
        uint256 year = 2000 + yymmdd / 10_000;
        uint256 month = (yymmdd / 100) % 100;
        uint256 day = yymmdd % 100;
        if (day == 0) {
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
            return uint64(_daysFromCivil(year, month, 1) * 1 days);
        }
        // The day count is linear in `day`, so day + 1 is the next midnight even past a month's end.
        return uint64(_daysFromCivil(year, month, day + 1) * 1 days);
    }

    /// @dev Mod-10 check digit of GS1 keys: weights 3 and 1 from the right, the check digit excluded.
    function _checkDigitHolds(uint64 number) private pure returns (bool) {
        uint256 rest = number / 10;
        uint256 sum;
        uint256 weight = 3;
        while (rest != 0) {
            sum += (rest % 10) * weight;
            rest /= 10;
            weight = 4 - weight;
        }
        return (10 - (sum % 10)) % 10 == number % 10;
    }

    /// @dev Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), year >= 2000.
    function _daysFromCivil(uint256 year, uint256 month, uint256 day) private pure returns (uint256) {
        if (month <= 2) year -= 1;
        uint256 era = year / 400;
        uint256 yoe = year - era * 400;
        uint256 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        uint256 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
