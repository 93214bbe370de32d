// The holder's client: what a patient's own machine (the CLI) runs against the gateways.
export { gatewayRequest, gatewayJson, type GatewayEndpoint, type GatewayRequestParameters } from './gatewayRequest.ts'
export { memberGateway } from './memberGateway.ts'
export { fetchStudy, type FetchStudyParameters, type FetchedStudy } from './fetchStudy.ts'
export { requestAttestation, fetchAttestations, type HeldAttestation } from './fetchAttestations.ts'
export {
  enrollThroughGateway,
  submitResultThroughGateway,
  type EnrollmentStep,
  type EnrollThroughGatewayParameters,
  type EnrollThroughGatewayReturnType,
  type SealedResult,
} from './enrollThroughGateway.ts'
