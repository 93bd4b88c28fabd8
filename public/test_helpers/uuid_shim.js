// uuid 14 (used by EUI and Elastic Charts) ships only ES modules, which Jest's CommonJS runtime
// cannot load. Tests only need unique ids, which Node's crypto gives.
const { randomUUID } = require('node:crypto');

module.exports = { v1: randomUUID, v4: randomUUID, v7: randomUUID };
