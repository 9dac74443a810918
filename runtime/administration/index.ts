export { addCity, addCityAsAdmin, citiesToAdd, type CityAdded } from './city-add.ts';
export { createUser, updateUser, type NewUser, type UserChange, type UserWithPassword } from './user-accounts.ts';
export { resetPassword, setActive, unlockUser } from './account-actions.ts';
export { adminUserView, listUsers, type AdminUserView, type UserQuery } from './user-directory.ts';
export { childUnits, findUnits, postCatalogueItems, postsUnder, unitDetails, type OfficeView, type OrgNode, type PostView } from './org-directory.ts';
export { addPost, createOffice, removePost, renamePost, type NewPost } from './org-changes.ts';
export { temporaryPassword } from './temporary-password.ts';
export { addMemberKey, cityDeadLetters, exchangeWiring, makeOwnKey, putBack, registerPeer, routeService, wireBank, type ExchangeWiring, type MemberView, type OutboxByReceiver } from './exchange-wiring.ts';
