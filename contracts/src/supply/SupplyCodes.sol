// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title DecommissionReasons
/// @notice Why a drug unit or batch left the supply chain other than by dispensing (EPCIS 2.0 CBV
/// bizStep decommissioning with disposition destroyed, stolen, or sampling for a sample).
/// @dev The compile script exports these constants to TypeScript.
library DecommissionReasons {
    uint8 internal constant DESTROYED = 1;
    uint8 internal constant STOLEN = 2;
    uint8 internal constant SAMPLE = 3;
}

/// @title MaintenanceKinds
/// @notice What a technician did to a device.
library MaintenanceKinds {
    uint8 internal constant MAINTENANCE = 1;
    uint8 internal constant CALIBRATION = 2;
}

/// @title DeviceDecommissionReasons
/// @notice Why a device was taken out of service for good.
library DeviceDecommissionReasons {
    uint8 internal constant END_OF_LIFE = 1;
    uint8 internal constant DEFECTIVE = 2;
    uint8 internal constant RECALLED = 3;
    uint8 internal constant LOST = 4;
}
