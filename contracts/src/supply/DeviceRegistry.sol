// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IDeviceRegistry} from "./IDeviceRegistry.sol";
import {GS1} from "./GS1.sol";
import {DeviceDecommissionReasons, MaintenanceKinds} from "./SupplyCodes.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {Roles, IndividualKinds} from "../consortium/Roles.sol";

/// @title DeviceRegistry
/// @notice Medical devices by UDI and their lifecycle; see IDeviceRegistry.
contract DeviceRegistry is IDeviceRegistry, ConsortiumGated {
    struct Model {
        address manufacturer;
        uint64 recalledAt;
        uint16 recallReason;
    }

    mapping(bytes32 deviceId => Device) private _devices;
    mapping(uint64 di => Model) private _models;

    constructor(IConsortium consortium_) ConsortiumGated(consortium_) {}

    function registerDevice(uint64 di, bytes32 pi) external returns (bytes32 deviceId) {
        _requireMemberWithRole(msg.sender, Roles.MANUFACTURER);
        if (!GS1.isValidGtin(di)) revert DeviceInvalidDi(di);
        if (!GS1.isShortValue(pi)) revert DeviceInvalidPi(pi);
        Model storage model = _models[di];
        if (model.manufacturer == address(0)) model.manufacturer = msg.sender;
        else if (model.manufacturer != msg.sender) revert DeviceModelOwned(di, model.manufacturer);
        deviceId = keccak256(abi.encode(di, pi));
        Device storage device = _devices[deviceId];
        if (device.status != DeviceStatus.None) revert DeviceExists(deviceId);
        device.di = di;
        device.pi = pi;
        device.manufacturer = msg.sender;
        device.registeredAt = uint64(block.timestamp);
        device.holder = msg.sender;
        device.status = DeviceStatus.Active;
        emit DeviceRegistered(deviceId, di, msg.sender, pi);
    }

    function transferDevice(bytes32 deviceId, address to) external {
        if (!consortium().isMember(msg.sender)) revert IConsortium.ConsortiumNotMember(msg.sender);
        Device storage device = _activeDevice(deviceId);
        if (device.holder != msg.sender) revert DeviceNotHolder(deviceId, device.holder, msg.sender);
        IConsortium c = consortium();
        if (
            to == msg.sender
                || !(c.hasRole(to, Roles.HOSPITAL) || c.hasRole(to, Roles.DISTRIBUTOR) || c.hasRole(to, Roles.MANUFACTURER))
        ) revert DeviceInvalidRecipient(to);
        device.holder = to;
        device.installedAt = 0;
        device.location = bytes32(0);
        emit DeviceTransferred(deviceId, msg.sender, to);
    }

    function installDevice(bytes32 deviceId, bytes32 location) external {
        Device storage device = _activeDevice(deviceId);
        address member = consortium().memberOf(msg.sender);
        bool manufacturerTechnician = member == device.manufacturer && _isTechnician(msg.sender, member);
        if (member != device.holder && !manufacturerTechnician) revert DeviceNotHolder(deviceId, device.holder, msg.sender);
        if (location == bytes32(0)) revert DeviceInvalidHash();
        device.installedAt = uint64(block.timestamp);
        device.location = location;
        emit DeviceInstalled(deviceId, device.holder, msg.sender, location);
    }

    function logUsage(bytes32 deviceId, uint32 units, bytes32 logHash) external {
        Device storage device = _activeDevice(deviceId);
        if (consortium().memberOf(msg.sender) != device.holder) revert DeviceNotHolder(deviceId, device.holder, msg.sender);
        if (units == 0) revert DeviceInvalidUsage();
        if (logHash == bytes32(0)) revert DeviceInvalidHash();
        device.usage += units;
        emit DeviceUsageLogged(deviceId, device.holder, msg.sender, units, device.usage, logHash);
    }

    function recordService(bytes32 deviceId, uint8 kind, bytes32 reportHash, uint64 nextServiceDue) external {
        IConsortium c = consortium();
        if (c.individualKind(msg.sender) != IndividualKinds.TECHNICIAN) {
            revert IConsortium.ConsortiumNotIndividual(msg.sender, IndividualKinds.TECHNICIAN);
        }
        Device storage device = _activeDevice(deviceId);
        address member = c.memberOf(msg.sender);
        if (member != device.holder && member != device.manufacturer) revert DeviceNotServicer(deviceId, msg.sender, member);
        if (kind != MaintenanceKinds.MAINTENANCE && kind != MaintenanceKinds.CALIBRATION) revert DeviceInvalidKind(kind);
        if (reportHash == bytes32(0)) revert DeviceInvalidHash();
        if (nextServiceDue <= block.timestamp) revert DeviceInvalidDueDate(nextServiceDue);
        device.lastServicedAt = uint64(block.timestamp);
        device.nextServiceDue = nextServiceDue;
        emit DeviceServiced(deviceId, msg.sender, member, kind, reportHash, nextServiceDue);
    }

    function reportIncident(bytes32 deviceId, uint8 severity, bytes32 reportHash) external {
        Device storage device = _knownDevice(deviceId);
        IConsortium c = consortium();
        address member = c.memberOf(msg.sender);
        bool regulator = member == msg.sender && c.hasRole(member, Roles.REGULATOR);
        if (member == address(0) || (member != device.holder && member != device.manufacturer && !regulator)) {
            revert DeviceNotReporter(deviceId, msg.sender);
        }
        if (severity == 0 || severity > 3) revert DeviceInvalidSeverity(severity);
        if (reportHash == bytes32(0)) revert DeviceInvalidHash();
        ++device.incidents;
        emit DeviceIncidentReported(deviceId, msg.sender, member, severity, reportHash);
    }

    function recallDevice(bytes32 deviceId, uint16 reasonCode) external {
        Device storage device = _knownDevice(deviceId);
        _requireRecaller(device.manufacturer);
        if (reasonCode == 0) revert DeviceInvalidReason(reasonCode);
        if (device.recalledAt != 0) revert DeviceAlreadyRecalled(deviceId);
        device.recalledAt = uint64(block.timestamp);
        device.recallReason = reasonCode;
        emit DeviceRecalled(deviceId, msg.sender, reasonCode);
    }

    function recallModel(uint64 di, uint16 reasonCode) external {
        Model storage model = _models[di];
        if (model.manufacturer == address(0)) revert DeviceUnknownModel(di);
        _requireRecaller(model.manufacturer);
        if (reasonCode == 0) revert DeviceInvalidReason(reasonCode);
        if (model.recalledAt != 0) revert DeviceModelAlreadyRecalled(di);
        model.recalledAt = uint64(block.timestamp);
        model.recallReason = reasonCode;
        emit DeviceModelRecalled(di, msg.sender, reasonCode);
    }

    function decommissionDevice(bytes32 deviceId, uint8 reason) external {
        Device storage device = _activeDevice(deviceId);
        if (device.holder != msg.sender) revert DeviceNotHolder(deviceId, device.holder, msg.sender);
        if (reason == 0 || reason > DeviceDecommissionReasons.LOST) revert DeviceInvalidReason(reason);
        device.status = DeviceStatus.Decommissioned;
        device.decommissionReason = reason;
        emit DeviceDecommissioned(deviceId, msg.sender, reason);
    }

    function getDevice(bytes32 deviceId) external view returns (Device memory device) {
        device = _devices[deviceId];
        Model storage model = _models[device.di];
        if (device.recalledAt == 0 && model.recalledAt != 0 && device.status != DeviceStatus.None) {
            device.recalledAt = model.recalledAt;
            device.recallReason = model.recallReason;
        }
    }

    function getModel(uint64 di) external view returns (address manufacturer, uint64 recalledAt, uint16 recallReason) {
        Model storage model = _models[di];
        return (model.manufacturer, model.recalledAt, model.recallReason);
    }

    function deviceIdOf(uint64 di, bytes32 pi) external pure returns (bytes32) {
        return keccak256(abi.encode(di, pi));
    }

    function _knownDevice(bytes32 deviceId) private view returns (Device storage device) {
        device = _devices[deviceId];
        if (device.status == DeviceStatus.None) revert DeviceUnknown(deviceId);
    }

    function _activeDevice(bytes32 deviceId) private view returns (Device storage device) {
        device = _knownDevice(deviceId);
        if (device.status != DeviceStatus.Active) revert DeviceNotActive(deviceId);
    }

    function _isTechnician(address account, address member) private view returns (bool) {
        return account != member && consortium().individualKind(account) == IndividualKinds.TECHNICIAN;
    }

    /// @dev The caller is `manufacturer` itself (an active member) or a REGULATOR member.
    function _requireRecaller(address manufacturer) private view {
        IConsortium c = consortium();
        if (!c.isMember(msg.sender)) revert IConsortium.ConsortiumNotMember(msg.sender);
        if (msg.sender != manufacturer && !c.hasRole(msg.sender, Roles.REGULATOR)) revert DeviceNotRecaller(msg.sender);
    }
}
