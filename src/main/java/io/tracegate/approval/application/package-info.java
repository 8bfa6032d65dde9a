/** Use cases around accounts: creating the first administrator and the demo accounts. */
package io.tracegate.approval.application;
