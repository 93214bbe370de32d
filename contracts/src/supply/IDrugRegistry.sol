// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title IDrugRegistry
/// @notice Drug traceability on GS1 identifiers: manufacturers register products (GTIN) and
/// commission serialised units (GTIN + serial) of lots (lot number + expiry), singly or as a
/// batch (a pallet or case, committed as a Merkle root of its units); custody moves by ship and
/// receive between members, always checked against the current holder; a pharmacy or hospital
/// dispenses a unit; the manufacturer or a regulator recalls a lot; the holder decommissions a
/// unit or batch (destroyed, stolen, sample).
/// @dev Every custody event follows GS1 EPCIS 2.0 (what, when, where, why): what is the item id,
/// when is `EventContext.eventTime` (and the block's time as recordTime), where is the read point
/// GLN, why is the function itself (bizStep and disposition of the CBV). `eventId` is the hash the
/// SDK computes over the event's canonical EPCIS document; each is accepted once, so a replayed
/// event is refused. No patient data: a dispense carries at most a commitment
/// keccak256(abi.encode(recordId, salt)) to a MedicationDispense record held off chain.
///
/// Items: a unit's id is keccak256(abi.encode(uint64 gtin, bytes32 serial)); a batch's id is the
/// root of its units (see BatchTree). A batch moves as one item; a unit inside it has no state of
/// its own until it is unpacked (with its Merkle proof) by the batch's holder, from then on it
/// moves alone. A unit never unpacked has the state of its batch.
interface IDrugRegistry {
    enum ItemStatus {
        None,
        Active,
        InTransit,
        Dispensed,
        Decommissioned
    }

    struct Product {
        address manufacturer;
        uint64 registeredAt;
    }

    /// @notice A lot of one product. `lot` and the YYMMDD `expiry` are as printed (AI 10, AI 17).
    struct Lot {
        uint64 gtin;
        uint32 expiry;
        address manufacturer;
        uint64 recalledAt;
        uint16 recallReason;
        bytes32 lot;
    }

    /// @notice A unit or a batch. `count` is the number of units of a batch (0 for a unit);
    /// `batchId` the batch a unit was unpacked from (0 otherwise); `reason` a DecommissionReasons
    /// code; `pendingRecipient` the member a shipped item awaits.
    struct Item {
        bytes32 lotId;
        address holder;
        ItemStatus status;
        uint8 reason;
        uint64 updatedAt;
        address pendingRecipient;
        uint32 count;
        bytes32 batchId;
        bytes32 patientCommitment;
    }

    /// @notice The EPCIS "when" and "where" of an event, and its id. `eventTime` is in unix
    /// milliseconds (EPCIS precision), at most 5 minutes ahead of the block; `readPoint` is a GLN,
    /// or 0 when the member does not say.
    struct EventContext {
        bytes32 eventId;
        uint64 eventTime;
        uint64 readPoint;
    }

    event ProductRegistered(uint64 indexed gtin, address indexed manufacturer);
    event UnitCommissioned(
        bytes32 indexed unitId,
        bytes32 indexed lotId,
        address indexed manufacturer,
        uint64 gtin,
        bytes32 serial,
        bytes32 lot,
        uint32 expiry,
        EventContext context
    );
    event BatchCommissioned(
        bytes32 indexed batchId,
        bytes32 indexed lotId,
        address indexed manufacturer,
        uint64 gtin,
        bytes32 lot,
        uint32 expiry,
        bytes32[] serials,
        EventContext context
    );
    event ItemShipped(bytes32 indexed itemId, address indexed from, address indexed to, EventContext context);
    event ItemReceived(bytes32 indexed itemId, address indexed from, address indexed to, EventContext context);
    event UnitUnpacked(bytes32 indexed unitId, bytes32 indexed batchId, address indexed holder, bytes32 serial, EventContext context);
    event UnitDispensed(bytes32 indexed unitId, address indexed dispenser, bytes32 patientCommitment, EventContext context);
    event ItemDecommissioned(bytes32 indexed itemId, address indexed holder, uint8 reason, EventContext context);
    event LotRecalled(bytes32 indexed lotId, address indexed by, uint64 gtin, bytes32 lot, uint16 reasonCode);

    error DrugInvalidGtin(uint64 gtin);
    error DrugInvalidGln(uint64 gln);
    error DrugInvalidSerial(bytes32 serial);
    error DrugInvalidLot(bytes32 lot);
    error DrugInvalidExpiry(uint32 expiry);
    error DrugInvalidEventId();
    error DrugInvalidEventTime(uint64 eventTime);
    error DrugEventAlreadyRecorded(bytes32 eventId);
    error DrugProductExists(uint64 gtin, address manufacturer);
    error DrugUnknownProduct(uint64 gtin);
    error DrugNotManufacturer(uint64 gtin, address caller);
    error DrugLotExpiryMismatch(bytes32 lotId, uint32 expiry, uint32 given);
    error DrugUnitExists(bytes32 unitId);
    error DrugInvalidBatchSize(uint256 count, uint256 max);
    error DrugBatchExists(bytes32 batchId);
    error DrugUnknownItem(bytes32 itemId);
    error DrugNotHolder(bytes32 itemId, address holder, address caller);
    error DrugInvalidStatus(bytes32 itemId, ItemStatus status);
    error DrugInvalidRecipient(address to);
    error DrugWrongRecipient(bytes32 itemId, address expected, address caller);
    error DrugInvalidProof(bytes32 batchId, bytes32 unitId);
    error DrugNotDispenser(address member);
    error DrugNotAUnit(bytes32 itemId);
    error DrugLotRecalled(bytes32 lotId);
    error DrugExpired(bytes32 lotId, uint32 expiry);
    error DrugInvalidReason(uint8 reason);
    error DrugUnknownLot(bytes32 lotId);
    error DrugLotAlreadyRecalled(bytes32 lotId);
    error DrugNotRecaller(bytes32 lotId, address caller);

    /// @notice Registers product `gtin` to the caller, a MANUFACTURER member. Once per GTIN.
    function registerProduct(uint64 gtin) external;

    /// @notice Commissions one unit of the caller's product (EPCIS ObjectEvent ADD, bizStep
    /// commissioning, disposition active); the caller holds it.
    /// @param serial AI 21, at most 20 bytes, left-aligned.
    /// @param lot AI 10, at most 20 bytes; the first unit of a lot fixes its expiry.
    /// @param expiry AI 17, YYMMDD.
    /// @return unitId keccak256(abi.encode(gtin, serial)).
    function commissionUnit(uint64 gtin, bytes32 serial, bytes32 lot, uint32 expiry, EventContext calldata context)
        external
        returns (bytes32 unitId);

    /// @notice Commissions a batch of units of one lot at once (at most MAX_BATCH): one root is
    /// stored, the serials only travel in the event. The caller holds the batch.
    /// @return batchId The BatchTree root of the serials, in the order given.
    function commissionBatch(
        uint64 gtin,
        bytes32 lot,
        uint32 expiry,
        bytes32[] calldata serials,
        EventContext calldata context
    ) external returns (bytes32 batchId);

    /// @notice Ships a unit or a batch the caller holds (Active) to member `to`, another member
    /// with a supply role (manufacturer, distributor, pharmacy, hospital). A recalled lot may only
    /// go back to its manufacturer.
    function shipItem(bytes32 itemId, address to, EventContext calldata context) external;

    /// @notice Receives an item shipped to the caller; the caller becomes its holder.
    function receiveItem(bytes32 itemId, EventContext calldata context) external;

    /// @notice Takes unit `serial` out of a batch the caller holds (Active), proving its place in
    /// the batch tree (EPCIS AggregationEvent DELETE). The unit then moves on its own.
    function unpackUnit(bytes32 batchId, bytes32 serial, bytes32[] calldata proof, EventContext calldata context)
        external
        returns (bytes32 unitId);

    /// @notice Dispenses a unit the caller's member holds to a patient. The caller is a PHARMACY
    /// or HOSPITAL member, or a clinician of one; the lot must be neither recalled nor expired.
    /// @param patientCommitment Zero, or keccak256(abi.encode(recordId, salt)) linking the
    /// patient's MedicationDispense record without naming the patient.
    function dispenseUnit(bytes32 unitId, bytes32 patientCommitment, EventContext calldata context) external;

    /// @notice Takes a unit or a batch the caller holds (Active, or InTransit as its sender) out
    /// of the supply chain; `reason` is a DecommissionReasons code.
    function decommissionItem(bytes32 itemId, uint8 reason, EventContext calldata context) external;

    /// @notice Recalls a lot. The caller is the product's manufacturer or a REGULATOR member.
    /// @param reasonCode Application-defined, non-zero.
    function recallLot(uint64 gtin, bytes32 lot, uint16 reasonCode) external;

    /// @notice A product; all fields zero when unregistered.
    function getProduct(uint64 gtin) external view returns (Product memory);

    /// @notice A lot; all fields zero when unknown.
    function getLot(bytes32 lotId) external view returns (Lot memory);

    /// @notice A unit or batch; all fields zero when unknown (or a unit never unpacked from its batch).
    function getItem(bytes32 itemId) external view returns (Item memory);

    /// @notice Whether unit `serial` of the batch's product is in batch `batchId`.
    function isUnitInBatch(bytes32 batchId, bytes32 serial, bytes32[] calldata proof) external view returns (bool);

    /// @notice Whether an event id was recorded.
    function isEventRecorded(bytes32 eventId) external view returns (bool);

    /// @notice Unix time at which expiry `yymmdd` passes (see GS1.expiresAt).
    function expiresAt(uint32 yymmdd) external pure returns (uint64);

    /// @notice keccak256(abi.encode(gtin, serial)).
    function unitIdOf(uint64 gtin, bytes32 serial) external pure returns (bytes32);

    /// @notice keccak256(abi.encode(gtin, lot)).
    function lotIdOf(uint64 gtin, bytes32 lot) external pure returns (bytes32);

    /// @notice Most units in one batch.
    function MAX_BATCH() external view returns (uint256);
}
