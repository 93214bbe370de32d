// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title IDeviceRegistry
/// @notice Medical equipment keyed by its UDI: device identifier (DI, a GTIN) + production
/// identifier (PI: serial or lot, at most 20 bytes). The manufacturer registers a device and
/// holds it; holders transfer it (to hospitals, distributors, back to the manufacturer); the
/// holder installs it and logs its usage; registered technicians of the holder or of the
/// manufacturer maintain and calibrate it, setting the next due date; incidents are reported;
/// the manufacturer or a regulator recalls a device or a whole model (DI); the holder
/// decommissions it.
/// @dev Free text never goes on chain: locations, usage logs, service and incident reports are
/// hashes of documents kept off chain by the member.
interface IDeviceRegistry {
    enum DeviceStatus {
        None,
        Active,
        Decommissioned
    }

    /// @notice A device. `recalledAt`/`recallReason` include a recall of its model (DI);
    /// `usage` is the running total of logged usage units (hours, cycles: the model's choice).
    struct Device {
        uint64 di;
        address manufacturer;
        uint64 registeredAt;
        address holder;
        DeviceStatus status;
        uint8 decommissionReason;
        uint64 installedAt;
        bytes32 pi;
        bytes32 location;
        uint64 usage;
        uint64 lastServicedAt;
        uint64 nextServiceDue;
        uint32 incidents;
        uint64 recalledAt;
        uint16 recallReason;
    }

    event DeviceRegistered(bytes32 indexed deviceId, uint64 indexed di, address indexed manufacturer, bytes32 pi);
    event DeviceTransferred(bytes32 indexed deviceId, address indexed from, address indexed to);
    event DeviceInstalled(bytes32 indexed deviceId, address indexed holder, address indexed by, bytes32 location);
    event DeviceUsageLogged(bytes32 indexed deviceId, address indexed holder, address indexed by, uint32 units, uint64 totalUsage, bytes32 logHash);
    event DeviceServiced(
        bytes32 indexed deviceId, address indexed technician, address indexed servicer, uint8 kind, bytes32 reportHash, uint64 nextServiceDue
    );
    event DeviceIncidentReported(bytes32 indexed deviceId, address indexed reporter, address indexed member, uint8 severity, bytes32 reportHash);
    event DeviceRecalled(bytes32 indexed deviceId, address indexed by, uint16 reasonCode);
    event DeviceModelRecalled(uint64 indexed di, address indexed by, uint16 reasonCode);
    event DeviceDecommissioned(bytes32 indexed deviceId, address indexed holder, uint8 reason);

    error DeviceInvalidDi(uint64 di);
    error DeviceInvalidPi(bytes32 pi);
    error DeviceExists(bytes32 deviceId);
    error DeviceModelOwned(uint64 di, address manufacturer);
    error DeviceUnknown(bytes32 deviceId);
    error DeviceUnknownModel(uint64 di);
    error DeviceNotActive(bytes32 deviceId);
    error DeviceNotHolder(bytes32 deviceId, address holder, address caller);
    error DeviceInvalidRecipient(address to);
    error DeviceNotServicer(bytes32 deviceId, address technician, address member);
    error DeviceInvalidKind(uint8 kind);
    error DeviceInvalidDueDate(uint64 nextServiceDue);
    error DeviceInvalidUsage();
    error DeviceInvalidHash();
    error DeviceInvalidSeverity(uint8 severity);
    error DeviceNotReporter(bytes32 deviceId, address caller);
    error DeviceNotRecaller(address caller);
    error DeviceAlreadyRecalled(bytes32 deviceId);
    error DeviceModelAlreadyRecalled(uint64 di);
    error DeviceInvalidReason(uint16 reason);

    /// @notice Registers device (di, pi) to the caller, a MANUFACTURER member, who holds it. The
    /// first registration of a DI binds the model to its manufacturer.
    /// @return deviceId keccak256(abi.encode(di, pi)).
    function registerDevice(uint64 di, bytes32 pi) external returns (bytes32 deviceId);

    /// @notice Hands an active device the caller (a member) holds to `to`, another member with the
    /// HOSPITAL, DISTRIBUTOR or MANUFACTURER role. Its installation is cleared.
    function transferDevice(bytes32 deviceId, address to) external;

    /// @notice Records where the holder installed the device: the caller acts for the holder
    /// (the member or one of its individuals) or is a technician of the manufacturer.
    /// @param location Non-zero hash of the holder's own location label (site, department, room).
    function installDevice(bytes32 deviceId, bytes32 location) external;

    /// @notice Adds `units` of usage, with the hash of the usage log they summarise; the caller
    /// acts for the holder.
    function logUsage(bytes32 deviceId, uint32 units, bytes32 logHash) external;

    /// @notice Records a maintenance or calibration (MaintenanceKinds) by the caller, a registered
    /// TECHNICIAN of the holder or of the manufacturer, and the next due date (in the future).
    function recordService(bytes32 deviceId, uint8 kind, bytes32 reportHash, uint64 nextServiceDue) external;

    /// @notice Reports an incident (severity 1 minor, 2 serious, 3 death or serious injury). The
    /// caller acts for the holder or the manufacturer, or is a REGULATOR member.
    function reportIncident(bytes32 deviceId, uint8 severity, bytes32 reportHash) external;

    /// @notice Recalls one device; the caller is its manufacturer or a REGULATOR member.
    function recallDevice(bytes32 deviceId, uint16 reasonCode) external;

    /// @notice Recalls every device of model `di`, present and future; the caller is the model's
    /// manufacturer or a REGULATOR member.
    function recallModel(uint64 di, uint16 reasonCode) external;

    /// @notice Takes a device the caller (a member) holds out of service for good
    /// (DeviceDecommissionReasons).
    function decommissionDevice(bytes32 deviceId, uint8 reason) external;

    /// @notice A device, its model's recall included; all fields zero when unknown.
    function getDevice(bytes32 deviceId) external view returns (Device memory);

    /// @notice The manufacturer a model (DI) is bound to, and the model's recall (zero if none).
    function getModel(uint64 di) external view returns (address manufacturer, uint64 recalledAt, uint16 recallReason);

    /// @notice keccak256(abi.encode(di, pi)).
    function deviceIdOf(uint64 di, bytes32 pi) external pure returns (bytes32);
}
