// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IDrugRegistry} from "./IDrugRegistry.sol";
import {GS1} from "./GS1.sol";
import {BatchTree} from "./BatchTree.sol";
import {DecommissionReasons} from "./SupplyCodes.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {Roles, IndividualKinds} from "../consortium/Roles.sol";
import {MerkleProof} from "../utils/MerkleProof.sol";

/// @title DrugRegistry
/// @notice Drug products, lots, units and batches with their custody; see IDrugRegistry.
contract DrugRegistry is IDrugRegistry, ConsortiumGated {
    uint256 public constant MAX_BATCH = 2000;
    /// @dev Seconds an event time may be ahead of the block (members' clocks differ a little).
    uint64 private constant CLOCK_SKEW = 300;

    mapping(uint64 gtin => Product) private _products;
    mapping(bytes32 lotId => Lot) private _lots;
    mapping(bytes32 itemId => Item) private _items;
    mapping(bytes32 eventId => bool) private _events;

    constructor(IConsortium consortium_) ConsortiumGated(consortium_) {}

    function registerProduct(uint64 gtin) external {
        _requireMemberWithRole(msg.sender, Roles.MANUFACTURER);
        if (!GS1.isValidGtin(gtin)) revert DrugInvalidGtin(gtin);
        address existing = _products[gtin].manufacturer;
        if (existing != address(0)) revert DrugProductExists(gtin, existing);
        _products[gtin] = Product({manufacturer: msg.sender, registeredAt: uint64(block.timestamp)});
        emit ProductRegistered(gtin, msg.sender);
    }

    function commissionUnit(uint64 gtin, bytes32 serial, bytes32 lot, uint32 expiry, EventContext calldata context)
        external
        returns (bytes32 unitId)
    {
        bytes32 lotId = _commissionLot(gtin, lot, expiry, context);
        if (!GS1.isShortValue(serial)) revert DrugInvalidSerial(serial);
        unitId = keccak256(abi.encode(gtin, serial));
        if (_items[unitId].status != ItemStatus.None) revert DrugUnitExists(unitId);
        _activate(unitId, lotId, 0);
        emit UnitCommissioned(unitId, lotId, msg.sender, gtin, serial, lot, expiry, context);
    }

    function commissionBatch(
        uint64 gtin,
        bytes32 lot,
        uint32 expiry,
        bytes32[] calldata serials,
        EventContext calldata context
    ) external returns (bytes32 batchId) {
        bytes32 lotId = _commissionLot(gtin, lot, expiry, context);
        uint256 count = serials.length;
        if (count == 0 || count > MAX_BATCH) revert DrugInvalidBatchSize(count, MAX_BATCH);
        bytes32[] memory leaves = new bytes32[](count);
        for (uint256 i; i < count; ++i) {
            bytes32 serial = serials[i];
            if (!GS1.isShortValue(serial)) revert DrugInvalidSerial(serial);
            leaves[i] = BatchTree.leafOf(keccak256(abi.encode(gtin, serial)));
        }
        batchId = BatchTree.root(leaves);
        if (_items[batchId].status != ItemStatus.None) revert DrugBatchExists(batchId);
        _activate(batchId, lotId, uint32(count));
        emit BatchCommissioned(batchId, lotId, msg.sender, gtin, lot, expiry, serials, context);
    }

    function shipItem(bytes32 itemId, address to, EventContext calldata context) external {
        _useEvent(context);
        Item storage item = _heldActiveItem(itemId);
        if (to == msg.sender || !_isSupplyMember(to)) revert DrugInvalidRecipient(to);
        Lot storage lot = _lots[item.lotId];
        if (lot.recalledAt != 0 && to != lot.manufacturer) revert DrugLotRecalled(item.lotId);
        item.status = ItemStatus.InTransit;
        item.pendingRecipient = to;
        item.updatedAt = uint64(block.timestamp);
        emit ItemShipped(itemId, msg.sender, to, context);
    }

    function receiveItem(bytes32 itemId, EventContext calldata context) external {
        _useEvent(context);
        if (!consortium().isMember(msg.sender)) revert IConsortium.ConsortiumNotMember(msg.sender);
        Item storage item = _knownItem(itemId);
        if (item.status != ItemStatus.InTransit) revert DrugInvalidStatus(itemId, item.status);
        if (item.pendingRecipient != msg.sender) revert DrugWrongRecipient(itemId, item.pendingRecipient, msg.sender);
        address from = item.holder;
        item.holder = msg.sender;
        item.status = ItemStatus.Active;
        item.pendingRecipient = address(0);
        item.updatedAt = uint64(block.timestamp);
        emit ItemReceived(itemId, from, msg.sender, context);
    }

    function unpackUnit(bytes32 batchId, bytes32 serial, bytes32[] calldata proof, EventContext calldata context)
        external
        returns (bytes32 unitId)
    {
        _useEvent(context);
        Item storage batch = _heldActiveItem(batchId);
        if (batch.count == 0) revert DrugInvalidProof(batchId, bytes32(0));
        unitId = keccak256(abi.encode(_lots[batch.lotId].gtin, serial));
        if (!MerkleProof.verifyCalldata(proof, batchId, BatchTree.leafOf(unitId))) revert DrugInvalidProof(batchId, unitId);
        if (_items[unitId].status != ItemStatus.None) revert DrugUnitExists(unitId);
        Item storage unit = _items[unitId];
        unit.lotId = batch.lotId;
        unit.holder = msg.sender;
        unit.status = ItemStatus.Active;
        unit.updatedAt = uint64(block.timestamp);
        unit.batchId = batchId;
        emit UnitUnpacked(unitId, batchId, msg.sender, serial, context);
    }

    function dispenseUnit(bytes32 unitId, bytes32 patientCommitment, EventContext calldata context) external {
        _useEvent(context);
        address member = _dispensingMember(msg.sender);
        Item storage unit = _knownItem(unitId);
        if (unit.count != 0) revert DrugNotAUnit(unitId);
        if (unit.holder != member) revert DrugNotHolder(unitId, unit.holder, member);
        if (unit.status != ItemStatus.Active) revert DrugInvalidStatus(unitId, unit.status);
        Lot storage lot = _lots[unit.lotId];
        if (lot.recalledAt != 0) revert DrugLotRecalled(unit.lotId);
        if (block.timestamp >= GS1.expiresAt(lot.expiry)) revert DrugExpired(unit.lotId, lot.expiry);
        unit.status = ItemStatus.Dispensed;
        unit.patientCommitment = patientCommitment;
        unit.updatedAt = uint64(block.timestamp);
        emit UnitDispensed(unitId, member, patientCommitment, context);
    }

    function decommissionItem(bytes32 itemId, uint8 reason, EventContext calldata context) external {
        _useEvent(context);
        if (reason == 0 || reason > DecommissionReasons.SAMPLE) revert DrugInvalidReason(reason);
        Item storage item = _knownItem(itemId);
        if (item.holder != msg.sender) revert DrugNotHolder(itemId, item.holder, msg.sender);
        if (item.status != ItemStatus.Active && item.status != ItemStatus.InTransit) revert DrugInvalidStatus(itemId, item.status);
        item.status = ItemStatus.Decommissioned;
        item.reason = reason;
        item.pendingRecipient = address(0);
        item.updatedAt = uint64(block.timestamp);
        emit ItemDecommissioned(itemId, msg.sender, reason, context);
    }

    function recallLot(uint64 gtin, bytes32 lot, uint16 reasonCode) external {
        bytes32 lotId = keccak256(abi.encode(gtin, lot));
        Lot storage stored = _lots[lotId];
        if (!consortium().isMember(msg.sender)) revert IConsortium.ConsortiumNotMember(msg.sender);
        if (stored.manufacturer == address(0)) revert DrugUnknownLot(lotId);
        if (msg.sender != stored.manufacturer && !consortium().hasRole(msg.sender, Roles.REGULATOR)) {
            revert DrugNotRecaller(lotId, msg.sender);
        }
        if (reasonCode == 0) revert DrugInvalidReason(0);
        if (stored.recalledAt != 0) revert DrugLotAlreadyRecalled(lotId);
        stored.recalledAt = uint64(block.timestamp);
        stored.recallReason = reasonCode;
        emit LotRecalled(lotId, msg.sender, gtin, lot, reasonCode);
    }

    function getProduct(uint64 gtin) external view returns (Product memory) {
        return _products[gtin];
    }

    function getLot(bytes32 lotId) external view returns (Lot memory) {
        return _lots[lotId];
    }

    function getItem(bytes32 itemId) external view returns (Item memory) {
        return _items[itemId];
    }

    function isUnitInBatch(bytes32 batchId, bytes32 serial, bytes32[] calldata proof) external view returns (bool) {
        Item storage batch = _items[batchId];
        if (batch.count == 0) return false;
        bytes32 unitId = keccak256(abi.encode(_lots[batch.lotId].gtin, serial));
        return MerkleProof.verifyCalldata(proof, batchId, BatchTree.leafOf(unitId));
    }

    function isEventRecorded(bytes32 eventId) external view returns (bool) {
        return _events[eventId];
    }

    function expiresAt(uint32 yymmdd) external pure returns (uint64) {
        if (!GS1.isValidDate(yymmdd)) revert DrugInvalidExpiry(yymmdd);
        return GS1.expiresAt(yymmdd);
    }

    function unitIdOf(uint64 gtin, bytes32 serial) external pure returns (bytes32) {
        return keccak256(abi.encode(gtin, serial));
    }

    function lotIdOf(uint64 gtin, bytes32 lot) external pure returns (bytes32) {
        return keccak256(abi.encode(gtin, lot));
    }

    /// @dev Checks a commissioning by the product's manufacturer and returns its lot, created on
    /// first use; a lot keeps the expiry of its first commissioning.
    function _commissionLot(uint64 gtin, bytes32 lot, uint32 expiry, EventContext calldata context)
        private
        returns (bytes32 lotId)
    {
        _useEvent(context);
        _requireMemberWithRole(msg.sender, Roles.MANUFACTURER);
        address manufacturer = _products[gtin].manufacturer;
        if (manufacturer == address(0)) revert DrugUnknownProduct(gtin);
        if (manufacturer != msg.sender) revert DrugNotManufacturer(gtin, msg.sender);
        if (!GS1.isShortValue(lot)) revert DrugInvalidLot(lot);
        if (!GS1.isValidDate(expiry)) revert DrugInvalidExpiry(expiry);
        lotId = keccak256(abi.encode(gtin, lot));
        Lot storage stored = _lots[lotId];
        if (stored.manufacturer == address(0)) {
            _lots[lotId] = Lot({gtin: gtin, expiry: expiry, manufacturer: msg.sender, recalledAt: 0, recallReason: 0, lot: lot});
        } else if (stored.expiry != expiry) {
            revert DrugLotExpiryMismatch(lotId, stored.expiry, expiry);
        }
    }

    function _activate(bytes32 itemId, bytes32 lotId, uint32 count) private {
        Item storage item = _items[itemId];
        item.lotId = lotId;
        item.holder = msg.sender;
        item.status = ItemStatus.Active;
        item.updatedAt = uint64(block.timestamp);
        item.count = count;
    }

    /// @dev Accepts each event id once: a replayed event is refused before anything else.
    function _useEvent(EventContext calldata context) private {
        if (context.eventId == bytes32(0)) revert DrugInvalidEventId();
        if (_events[context.eventId]) revert DrugEventAlreadyRecorded(context.eventId);
        if (context.eventTime == 0 || context.eventTime > (block.timestamp + CLOCK_SKEW) * 1000) {
            revert DrugInvalidEventTime(context.eventTime);
        }
        if (context.readPoint != 0 && !GS1.isValidGln(context.readPoint)) revert DrugInvalidGln(context.readPoint);
        _events[context.eventId] = true;
    }

    function _knownItem(bytes32 itemId) private view returns (Item storage item) {
        item = _items[itemId];
        if (item.status == ItemStatus.None) revert DrugUnknownItem(itemId);
    }

    /// @dev An item the caller (a member) holds and that is Active.
    function _heldActiveItem(bytes32 itemId) private view returns (Item storage item) {
        if (!consortium().isMember(msg.sender)) revert IConsortium.ConsortiumNotMember(msg.sender);
        item = _knownItem(itemId);
        if (item.holder != msg.sender) revert DrugNotHolder(itemId, item.holder, msg.sender);
        if (item.status != ItemStatus.Active) revert DrugInvalidStatus(itemId, item.status);
    }

    /// @dev The member a dispense is made for: a PHARMACY or HOSPITAL member itself, or the
    /// member of a clinician.
    function _dispensingMember(address account) private view returns (address member) {
        IConsortium c = consortium();
        member = c.memberOf(account);
        if (member == address(0)) revert IConsortium.ConsortiumNotMember(account);
        if (member != account && c.individualKind(account) != IndividualKinds.CLINICIAN) {
            revert IConsortium.ConsortiumNotIndividual(account, IndividualKinds.CLINICIAN);
        }
        if (!c.hasRole(member, Roles.PHARMACY) && !c.hasRole(member, Roles.HOSPITAL)) revert DrugNotDispenser(member);
    }

    function _isSupplyMember(address account) private view returns (bool) {
        IConsortium c = consortium();
        return c.hasRole(account, Roles.DISTRIBUTOR) || c.hasRole(account, Roles.PHARMACY) || c.hasRole(account, Roles.HOSPITAL)
            || c.hasRole(account, Roles.MANUFACTURER);
    }
}
