/** REST resources for baselines and their requirements. */
package io.tracegate.requirement.interfaces;
