// Request and login signing for SDK users talking to gateways, from @medchain/crypto so that the
// gateway and its clients share one canonical form.
export {
  signRequest,
  type SignRequestOptions,
  signChallenge,
  type SignChallengeOptions,
  REQUEST_SIGNATURE_HEADERS,
  type SignedRequestHeaders,
} from '@medchain/crypto'
