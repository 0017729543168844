/** Stands in for modules a dependency requires for a feature ecrm never uses (infra/bundling.ts). */
module.exports = {};
