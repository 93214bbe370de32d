pragma circom 2.1.0;

include "../lib/enroll.circom";

component main {public [commitment, studyHash, nullifier, submitter]} = Enroll(32, 0);
