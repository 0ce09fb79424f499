import { UserView } from './user-view-page';

/** **My User** (`/my-user`, from the user menu): the signed-in user's own page. */
export function MyUserPage() {
  return <UserView userId="me" />;
}
